// Hand-curated reference facts that no file in ../shared/data carries.
//
// Everything here is read by scripts/build-reference-data.ts and ends up in
// reference/*.json, which diplomats see. Each block says where its facts come
// from so the secretariat can re-check them; when in doubt an entry was left
// out rather than guessed. Extend these lists here, then re-run the build.

export type Lang = "ar" | "zh" | "en" | "fr" | "ru" | "es";
export type Texts = Record<Lang, string>;

// ---------------------------------------------------------------------------
// UNTERM names missing from the current country-codes.csv
// ---------------------------------------------------------------------------
// The current datasets/country-codes file (commit caa72d1) lost the UNTERM
// columns for Côte d'Ivoire and Türkiye, most likely because its join on the
// English name broke when UNTERM spellings changed. For Côte d'Ivoire the same
// upstream repository still has the UNTERM extract it was built from:
// github.com/datasets/country-codes, commit a09b84ab199694aa3db18d7bfc15f632543db672,
// data/unterm_names.csv (PDDL), transcribed below verbatim (apostrophes as there).
// Türkiye is deliberately NOT supplied here: that older extract still says
// "Turkey"/"Turquie", which the UN stopped using in 2022, so the build falls
// back to the UNSD M49 names and logs it.
export const untermSupplement: Record<string, { short: Texts; formal: Texts; source: string }> = {
  CIV: {
    short: {
      ar: "كوت ديفوار",
      zh: "科特迪瓦",
      en: "Côte d'Ivoire",
      fr: "Côte d'Ivoire (la)",
      ru: "Кот-д’Ивуар",
      es: "Côte d’Ivoire",
    },
    formal: {
      ar: "جمهورية كوت ديفوار",
      zh: "科特迪瓦共和国",
      en: "the Republic of Côte d'Ivoire",
      fr: "la République de Côte d'Ivoire",
      ru: "Республика Кот-д’Ивуар",
      es: "la República de Côte d’Ivoire",
    },
    source: "datasets/country-codes@a09b84a data/unterm_names.csv",
  },
};

// ---------------------------------------------------------------------------
// UPR cycles
// ---------------------------------------------------------------------------
// Each cycle has 14 Working Group sessions (three a year) except the first
// (12 sessions, 16 States each). Evidence:
// - cycles 1–2 and session 27 = 3rd cycle: ../shared/data/upr-info-2008-2017/upr-sessions.csv;
//   sessions 1, 13 and 27 review the same group of States (Algeria, Bahrain, Brazil…).
// - OHCHR press release of 19 Jan 2022: the 40th session (24 Jan–4 Feb 2022)
//   concludes the third cycle.
// - OHCHR press release of Nov 2022 and UPR Info news of 3 Nov 2022: the 41st
//   session (7–18 Nov 2022) commences the fourth cycle, "Nov. 2022 to Feb. 2027".
//   Consistent with Slovenia's reviews at sessions 7, 20, 34 and 48 (+14 each).
// The 4th cycle's last session is left null: it is still running and sessions
// have been rescheduled before (COVID-19 in 2020).
export interface UprCycle {
  number: number;
  startYear: number;
  endYear: number;
  firstSession: number;
  lastSession: number | null;
}

export const uprCycles: UprCycle[] = [
  { number: 1, startYear: 2008, endYear: 2011, firstSession: 1, lastSession: 12 },
  { number: 2, startYear: 2012, endYear: 2016, firstSession: 13, lastSession: 26 },
  { number: 3, startYear: 2017, endYear: 2022, firstSession: 27, lastSession: 40 },
  { number: 4, startYear: 2022, endYear: 2027, firstSession: 41, lastSession: null },
];

// ---------------------------------------------------------------------------
// UPR Working Group sessions after the shared dataset (which ends at 27)
// ---------------------------------------------------------------------------
// "month" is the month the session opened, the same convention as wg_month in
// upr-sessions.csv (e.g. session 17, 21 Oct–1 Nov 2013, is 2013-10). Only
// sessions whose dates were confirmed in an OHCHR/UN Geneva press release, a
// Working Group report or a UPR Info session summary are listed.
export interface UprSessionFact {
  number: number;
  month: string;
  dates: string;
}

export const uprSessionsAfterDataset: UprSessionFact[] = [
  { number: 28, month: "2017-11", dates: "6–17 Nov 2017 (UPR Info session summary)" },
  { number: 29, month: "2018-01", dates: "15–26 Jan 2018 (UN Geneva press release)" },
  { number: 30, month: "2018-05", dates: "7–18 May 2018 (A/HRC/39/15, para. 1)" },
  { number: 31, month: "2018-11", dates: "5–16 Nov 2018 (UPR Info announcement)" },
  { number: 32, month: "2019-01", dates: "21 Jan–1 Feb 2019 (UPR Info session summary)" },
  { number: 33, month: "2019-05", dates: "6–17 May 2019 (UPR Info session summary)" },
  { number: 34, month: "2019-11", dates: "4–15 Nov 2019 (UPR Info session summary)" },
  { number: 35, month: "2020-01", dates: "20–31 Jan 2020 (UPR Info session summary)" },
  {
    number: 36,
    month: "2020-11",
    dates: "2–13 Nov 2020, postponed from May 2020 because of COVID-19 (OHCHR press release)",
  },
  {
    number: 37,
    month: "2021-01",
    dates: "18–29 Jan 2021 (IIMA Geneva report; the OHCHR release for session 38 refers to UPR WG 37 of January 2021)",
  },
  { number: 38, month: "2021-05", dates: "3–14 May 2021 (OHCHR press release)" },
  {
    number: 39,
    month: "2021-11",
    dates: "Nov 2021: after the 38th (May 2021) and before the 40th (Jan 2022); outcomes adopted at HRC 49",
  },
  { number: 40, month: "2022-01", dates: "24 Jan–4 Feb 2022 (OHCHR press release)" },
  { number: 41, month: "2022-11", dates: "7–18 Nov 2022 (OHCHR press release)" },
  { number: 42, month: "2023-01", dates: "23 Jan–3 Feb 2023 (UPR Info session summary)" },
  { number: 43, month: "2023-05", dates: "1–12 May 2023 (UPR Info session summary)" },
  { number: 44, month: "2023-11", dates: "6–17 Nov 2023 (OHCHR press release)" },
  { number: 45, month: "2024-01", dates: "22 Jan–2 Feb 2024 (UPR Info session summary)" },
  { number: 46, month: "2024-04", dates: "29 Apr–10 May 2024 (OHCHR press release)" },
  { number: 47, month: "2024-11", dates: "4–15 Nov 2024 (UPR Info session summary)" },
  { number: 48, month: "2025-01", dates: "20–31 Jan 2025 (OHCHR press release)" },
];

// ---------------------------------------------------------------------------
// The ten human rights treaty bodies
// ---------------------------------------------------------------------------
// Names as used on the headers of each committee's official documents in the
// six languages (CCPR/C, E/C.12, CERD/C, CEDAW/C, CAT/C, CAT/OP, CRC/C,
// CMW/C, CRPD/C, CED/C series) and on ohchr.org/{ar,zh,en,fr,ru,es}/treaty-bodies.
// Spot-checked against such documents for CED (ar, ru, es), CESCR and CEDAW
// (zh) and CMW (zh); the others are the standard UN forms and should be
// checked against UNTERM (unterm.un.org) before a public launch.
// The SPT is listed because it is a treaty body (OP-CAT), although it receives
// no State reports. Instrument titles are the English titles as registered in
// the UN Treaty Collection, chapter IV.
export interface TreatyBody {
  code: string;
  names: Texts;
  instrument: { en: string };
}

export const treatyBodies: TreatyBody[] = [
  {
    code: "CCPR",
    names: {
      ar: "اللجنة المعنية بحقوق الإنسان",
      zh: "人权事务委员会",
      en: "Human Rights Committee",
      fr: "Comité des droits de l'homme",
      ru: "Комитет по правам человека",
      es: "Comité de Derechos Humanos",
    },
    instrument: { en: "International Covenant on Civil and Political Rights" },
  },
  {
    code: "CESCR",
    names: {
      ar: "اللجنة المعنية بالحقوق الاقتصادية والاجتماعية والثقافية",
      zh: "经济、社会及文化权利委员会",
      en: "Committee on Economic, Social and Cultural Rights",
      fr: "Comité des droits économiques, sociaux et culturels",
      ru: "Комитет по экономическим, социальным и культурным правам",
      es: "Comité de Derechos Económicos, Sociales y Culturales",
    },
    instrument: { en: "International Covenant on Economic, Social and Cultural Rights" },
  },
  {
    code: "CERD",
    names: {
      ar: "لجنة القضاء على التمييز العنصري",
      zh: "消除种族歧视委员会",
      en: "Committee on the Elimination of Racial Discrimination",
      fr: "Comité pour l'élimination de la discrimination raciale",
      ru: "Комитет по ликвидации расовой дискриминации",
      es: "Comité para la Eliminación de la Discriminación Racial",
    },
    instrument: { en: "International Convention on the Elimination of All Forms of Racial Discrimination" },
  },
  {
    code: "CEDAW",
    names: {
      ar: "اللجنة المعنية بالقضاء على التمييز ضد المرأة",
      zh: "消除对妇女歧视委员会",
      en: "Committee on the Elimination of Discrimination against Women",
      fr: "Comité pour l'élimination de la discrimination à l'égard des femmes",
      ru: "Комитет по ликвидации дискриминации в отношении женщин",
      es: "Comité para la Eliminación de la Discriminación contra la Mujer",
    },
    instrument: { en: "Convention on the Elimination of All Forms of Discrimination against Women" },
  },
  {
    code: "CAT",
    names: {
      ar: "لجنة مناهضة التعذيب",
      zh: "禁止酷刑委员会",
      en: "Committee against Torture",
      fr: "Comité contre la torture",
      ru: "Комитет против пыток",
      es: "Comité contra la Tortura",
    },
    instrument: {
      en: "Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
    },
  },
  {
    code: "SPT",
    names: {
      ar: "اللجنة الفرعية لمنع التعذيب وغيره من ضروب المعاملة أو العقوبة القاسية أو اللاإنسانية أو المهينة",
      zh: "防范酷刑和其他残忍、不人道或有辱人格的待遇或处罚小组委员会",
      en: "Subcommittee on Prevention of Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
      fr: "Sous-comité pour la prévention de la torture et autres peines ou traitements cruels, inhumains ou dégradants",
      ru: "Подкомитет по предупреждению пыток и других жестоких, бесчеловечных или унижающих достоинство видов обращения и наказания",
      es: "Subcomité para la Prevención de la Tortura y Otros Tratos o Penas Crueles, Inhumanos o Degradantes",
    },
    instrument: {
      en: "Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment",
    },
  },
  {
    code: "CRC",
    names: {
      ar: "لجنة حقوق الطفل",
      zh: "儿童权利委员会",
      en: "Committee on the Rights of the Child",
      fr: "Comité des droits de l'enfant",
      ru: "Комитет по правам ребенка",
      es: "Comité de los Derechos del Niño",
    },
    instrument: { en: "Convention on the Rights of the Child" },
  },
  {
    code: "CMW",
    names: {
      ar: "اللجنة المعنية بحماية حقوق جميع العمال المهاجرين وأفراد أسرهم",
      zh: "保护所有移徙工人及其家庭成员权利委员会",
      en: "Committee on the Protection of the Rights of All Migrant Workers and Members of Their Families",
      fr: "Comité pour la protection des droits de tous les travailleurs migrants et des membres de leur famille",
      ru: "Комитет по защите прав всех трудящихся-мигрантов и членов их семей",
      es: "Comité de Protección de los Derechos de Todos los Trabajadores Migratorios y de Sus Familiares",
    },
    instrument: {
      en: "International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families",
    },
  },
  {
    code: "CRPD",
    names: {
      ar: "اللجنة المعنية بحقوق الأشخاص ذوي الإعاقة",
      zh: "残疾人权利委员会",
      en: "Committee on the Rights of Persons with Disabilities",
      fr: "Comité des droits des personnes handicapées",
      ru: "Комитет по правам инвалидов",
      es: "Comité sobre los Derechos de las Personas con Discapacidad",
    },
    instrument: { en: "Convention on the Rights of Persons with Disabilities" },
  },
  {
    code: "CED",
    names: {
      ar: "اللجنة المعنية بحالات الاختفاء القسري",
      zh: "强迫失踪问题委员会",
      en: "Committee on Enforced Disappearances",
      fr: "Comité des disparitions forcées",
      ru: "Комитет по насильственным исчезновениям",
      es: "Comité contra la Desaparición Forzada",
    },
    instrument: { en: "International Convention for the Protection of All Persons from Enforced Disappearance" },
  },
];

// ---------------------------------------------------------------------------
// Special Procedures of the Human Rights Council (as of 2024)
// ---------------------------------------------------------------------------
// Official English mandate titles as listed by OHCHR ("Thematic mandates" and
// "Country mandates" pages of ohchr.org/en/special-procedures-human-rights-council)
// and in the establishing/renewing resolutions. OHCHR counted 46 thematic
// mandates in 2024; the newest is the Working Group on the rights of peasants
// (HRC res. 54/9, 2023).
//
// Country mandates: only the 13 held by a Special Rapporteur or Independent
// Expert appointed by the Council. Deliberately left out until the secretariat
// confirms how it wants them shown: the experts on Haiti and on the Sudan
// designated by the High Commissioner (not Council-appointed mandate holders)
// and the Special Rapporteur on the Syrian Arab Republic (created in 2011 but
// dormant while the Commission of Inquiry exists). Commissions of inquiry and
// fact-finding missions are not special procedures and are not listed.
export interface SpecialProcedure {
  code: string;
  kind: "thematic" | "country";
  title: string;
}

export const specialProcedures: SpecialProcedure[] = [
  { code: "wg-african-descent", kind: "thematic", title: "Working Group of Experts on People of African Descent" },
  { code: "wg-arbitrary-detention", kind: "thematic", title: "Working Group on Arbitrary Detention" },
  {
    code: "sr-sale-of-children",
    kind: "thematic",
    title: "Special Rapporteur on the sale, sexual exploitation and sexual abuse of children",
  },
  { code: "sr-cultural-rights", kind: "thematic", title: "Special Rapporteur in the field of cultural rights" },
  { code: "sr-development", kind: "thematic", title: "Special Rapporteur on the right to development" },
  { code: "sr-disability", kind: "thematic", title: "Special Rapporteur on the rights of persons with disabilities" },
  {
    code: "wg-disappearances",
    kind: "thematic",
    title: "Working Group on Enforced or Involuntary Disappearances",
  },
  { code: "sr-education", kind: "thematic", title: "Special Rapporteur on the right to education" },
  {
    code: "sr-environment",
    kind: "thematic",
    title:
      "Special Rapporteur on the issue of human rights obligations relating to the enjoyment of a safe, clean, healthy and sustainable environment",
  },
  {
    code: "sr-executions",
    kind: "thematic",
    title: "Special Rapporteur on extrajudicial, summary or arbitrary executions",
  },
  { code: "sr-food", kind: "thematic", title: "Special Rapporteur on the right to food" },
  {
    code: "ie-foreign-debt",
    kind: "thematic",
    title:
      "Independent Expert on the effects of foreign debt and other related international financial obligations of States on the full enjoyment of all human rights, particularly economic, social and cultural rights",
  },
  {
    code: "sr-assembly-association",
    kind: "thematic",
    title: "Special Rapporteur on the rights to freedom of peaceful assembly and of association",
  },
  {
    code: "sr-freedom-of-expression",
    kind: "thematic",
    title: "Special Rapporteur on the promotion and protection of the right to freedom of opinion and expression",
  },
  { code: "sr-religion-belief", kind: "thematic", title: "Special Rapporteur on freedom of religion or belief" },
  {
    code: "sr-health",
    kind: "thematic",
    title:
      "Special Rapporteur on the right of everyone to the enjoyment of the highest attainable standard of physical and mental health",
  },
  {
    code: "sr-human-rights-defenders",
    kind: "thematic",
    title: "Special Rapporteur on the situation of human rights defenders",
  },
  {
    code: "sr-housing",
    kind: "thematic",
    title:
      "Special Rapporteur on adequate housing as a component of the right to an adequate standard of living, and on the right to non-discrimination in this context",
  },
  {
    code: "sr-independence-judges-lawyers",
    kind: "thematic",
    title: "Special Rapporteur on the independence of judges and lawyers",
  },
  { code: "sr-indigenous-peoples", kind: "thematic", title: "Special Rapporteur on the rights of Indigenous Peoples" },
  {
    code: "sr-idps",
    kind: "thematic",
    title: "Special Rapporteur on the human rights of internally displaced persons",
  },
  {
    code: "wg-mercenaries",
    kind: "thematic",
    title:
      "Working Group on the use of mercenaries as a means of violating human rights and impeding the exercise of the right of peoples to self-determination",
  },
  { code: "sr-migrants", kind: "thematic", title: "Special Rapporteur on the human rights of migrants" },
  { code: "sr-minority-issues", kind: "thematic", title: "Special Rapporteur on minority issues" },
  {
    code: "ie-older-persons",
    kind: "thematic",
    title: "Independent Expert on the enjoyment of all human rights by older persons",
  },
  { code: "sr-extreme-poverty", kind: "thematic", title: "Special Rapporteur on extreme poverty and human rights" },
  {
    code: "sr-racism",
    kind: "thematic",
    title:
      "Special Rapporteur on contemporary forms of racism, racial discrimination, xenophobia and related intolerance",
  },
  {
    code: "sr-slavery",
    kind: "thematic",
    title: "Special Rapporteur on contemporary forms of slavery, including its causes and consequences",
  },
  {
    code: "ie-international-solidarity",
    kind: "thematic",
    title: "Independent Expert on human rights and international solidarity",
  },
  {
    code: "sr-counter-terrorism",
    kind: "thematic",
    title:
      "Special Rapporteur on the promotion and protection of human rights and fundamental freedoms while countering terrorism",
  },
  {
    code: "sr-torture",
    kind: "thematic",
    title: "Special Rapporteur on torture and other cruel, inhuman or degrading treatment or punishment",
  },
  {
    code: "sr-toxics",
    kind: "thematic",
    title:
      "Special Rapporteur on the implications for human rights of the environmentally sound management and disposal of hazardous substances and wastes",
  },
  {
    code: "sr-trafficking",
    kind: "thematic",
    title: "Special Rapporteur on trafficking in persons, especially women and children",
  },
  {
    code: "wg-business",
    kind: "thematic",
    title: "Working Group on the issue of human rights and transnational corporations and other business enterprises",
  },
  {
    code: "sr-truth-justice",
    kind: "thematic",
    title: "Special Rapporteur on the promotion of truth, justice, reparation and guarantees of non-recurrence",
  },
  {
    code: "sr-unilateral-coercive-measures",
    kind: "thematic",
    title: "Special Rapporteur on the negative impact of unilateral coercive measures on the enjoyment of human rights",
  },
  {
    code: "sr-violence-against-women",
    kind: "thematic",
    title: "Special Rapporteur on violence against women and girls, its causes and consequences",
  },
  {
    code: "sr-water-sanitation",
    kind: "thematic",
    title: "Special Rapporteur on the human rights to safe drinking water and sanitation",
  },
  {
    code: "wg-discrimination-women-girls",
    kind: "thematic",
    title: "Working Group on discrimination against women and girls",
  },
  {
    code: "ie-international-order",
    kind: "thematic",
    title: "Independent Expert on the promotion of a democratic and equitable international order",
  },
  { code: "sr-privacy", kind: "thematic", title: "Special Rapporteur on the right to privacy" },
  {
    code: "ie-albinism",
    kind: "thematic",
    title: "Independent Expert on the enjoyment of human rights by persons with albinism",
  },
  {
    code: "ie-sogi",
    kind: "thematic",
    title:
      "Independent Expert on protection against violence and discrimination based on sexual orientation and gender identity",
  },
  {
    code: "sr-leprosy",
    kind: "thematic",
    title:
      "Special Rapporteur on the elimination of discrimination against persons affected by leprosy and their family members",
  },
  {
    code: "sr-climate-change",
    kind: "thematic",
    title: "Special Rapporteur on the promotion and protection of human rights in the context of climate change",
  },
  {
    code: "wg-peasants",
    kind: "thematic",
    title: "Working Group on the rights of peasants and other people working in rural areas",
  },
  {
    code: "sr-afghanistan",
    kind: "country",
    title: "Special Rapporteur on the situation of human rights in Afghanistan",
  },
  { code: "sr-belarus", kind: "country", title: "Special Rapporteur on the situation of human rights in Belarus" },
  { code: "sr-burundi", kind: "country", title: "Special Rapporteur on the situation of human rights in Burundi" },
  { code: "sr-cambodia", kind: "country", title: "Special Rapporteur on the situation of human rights in Cambodia" },
  {
    code: "ie-central-african-republic",
    kind: "country",
    title: "Independent Expert on the situation of human rights in the Central African Republic",
  },
  {
    code: "sr-dprk",
    kind: "country",
    title: "Special Rapporteur on the situation of human rights in the Democratic People's Republic of Korea",
  },
  { code: "sr-eritrea", kind: "country", title: "Special Rapporteur on the situation of human rights in Eritrea" },
  {
    code: "sr-iran",
    kind: "country",
    title: "Special Rapporteur on the situation of human rights in the Islamic Republic of Iran",
  },
  { code: "ie-mali", kind: "country", title: "Independent Expert on the situation of human rights in Mali" },
  { code: "sr-myanmar", kind: "country", title: "Special Rapporteur on the situation of human rights in Myanmar" },
  {
    code: "sr-opt",
    kind: "country",
    title: "Special Rapporteur on the situation of human rights in the Palestinian territories occupied since 1967",
  },
  {
    code: "sr-russian-federation",
    kind: "country",
    title: "Special Rapporteur on the situation of human rights in the Russian Federation",
  },
  { code: "ie-somalia", kind: "country", title: "Independent Expert on the situation of human rights in Somalia" },
];
