/**
 * The demo content: the requests and offers of the Norway–Singapore pilot "capacity-building
 * support forum" of February 2020, as the Universal Rights Group's policy brief reports them
 * (../shared/seeds, "A diamond in the rough"). The brief names the pairings and their subjects;
 * the wording below is ours, written to show how such requests and offers read on the platform.
 * Each request cites recommendations its State really received, found in the index by `find`.
 */
export interface DemoRequest {
  /** The demo account of the requesting State's focal point. */
  by: string;
  /** The language it is written in, when not English. */
  language?: string;
  title: string;
  summary: string;
  themes: string[];
  sdgTargets: string[];
  supportKinds: string[];
  providerTypes: string[];
  workingLanguages: string[];
  counterparts: string[];
  durationMonths: number;
  /** The restricted details a State shares only with its consent, when the request gives them. */
  budgetAmount?: string;
  budgetCurrency?: string;
  desiredStart?: string;
  /** Searches of the State's own recommendations, tried in turn until one finds some. */
  find: string[];
}

export interface DemoOffer {
  by: string;
  title: string;
  description: string;
  themes: string[];
  sdgTargets: string[];
  supportKinds: string[];
  workingLanguages: string[];
  eligibleStatuses: string[];
  capacity: number;
}

export const DEMO_REQUESTS: DemoRequest[] = [
  {
    by: "bhutan@example.org",
    title: "Gender mainstreaming and the rights of the child",
    summary:
      "Bhutan presented its progress on women's and children's rights to the pilot forum and asked for support to mainstream gender across ministries and to strengthen child protection services: expert advice on gender-responsive planning and budgeting, and training for the officials who run child protection cases.",
    themes: ["uhri:advancement-of-women", "uhri:children-definition-general-principles-protection"],
    sdgTargets: ["5.1", "5.c", "16.2"],
    supportKinds: ["expertise", "training", "peer-exchange"],
    providerTypes: [],
    workingLanguages: ["en"],
    counterparts: ["National Commission for Women and Children"],
    durationMonths: 18,
    find: ["gender mainstreaming", "women children", "rights of the child"],
  },
  {
    by: "bhutan@example.org",
    title: "Recommendation tracking and reporting",
    summary:
      "Bhutan receives recommendations from the Universal Periodic Review and the treaty bodies faster than it can report on them. It asks for help to set up a tracking database and a reporting calendar, so that each ministry follows up the recommendations it is responsible for.",
    themes: [
      "uhri:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf",
      "uhri:cooperation-and-follow-up-with-treaty-bodies",
    ],
    sdgTargets: ["16.6", "17.18"],
    supportKinds: ["expertise", "data-indicators", "institution-building"],
    providerTypes: ["un-entity", "ngo"],
    workingLanguages: ["en"],
    counterparts: ["Ministry of Foreign Affairs and External Trade"],
    durationMonths: 12,
    find: ["overdue reports treaty bodies", "reports treaty bodies", "treaty bodies"],
  },
  {
    by: "maldives@example.org",
    title: "Prison reform",
    summary:
      "The Maldives asked for peer support to bring conditions of detention in line with the Nelson Mandela Rules and the Bangkok Rules: a review of prison regulations, training for prison staff, and an exchange visit to a prison service that has carried out such a reform.",
    themes: ["uhri:conditions-of-detention", "uhri:prohibition-of-torture-and-cruel-inhuman-or-degrading-treatment"],
    sdgTargets: ["16.3", "16.a"],
    supportKinds: ["legislative-review", "training", "peer-exchange"],
    providerTypes: ["state-asia-pacific"],
    workingLanguages: ["en"],
    counterparts: ["Maldives Correctional Service"],
    durationMonths: 24,
    find: ["prison conditions", "detention conditions", "prisons", "torture"],
  },
  {
    by: "honduras@example.org",
    language: "es",
    title: "Plan de acción nacional sobre empresas y derechos humanos",
    summary:
      "Honduras solicitó apoyo para elaborar su plan de acción nacional sobre empresas y derechos humanos: intercambio con un Estado que ya adoptó un plan, asesoría para la consulta con empresas, sindicatos y comunidades, y revisión del borrador.",
    themes: ["uhri:business-and-human-rights"],
    sdgTargets: ["8.7", "8.8", "16.7"],
    supportKinds: ["peer-exchange", "expertise", "legislative-review"],
    providerTypes: ["state-asia-pacific", "state-latin-american-caribbean"],
    workingLanguages: ["es", "en"],
    counterparts: ["Secretaría de Estado en el Despacho de Derechos Humanos"],
    durationMonths: 12,
    find: ["business human rights", "companies", "private sector"],
  },
  {
    by: "fiji@example.org",
    title: "Establishing a national mechanism for implementation, reporting and follow-up",
    summary:
      "Fiji wants a standing national mechanism that coordinates reporting to the UN human rights mechanisms and follows up their recommendations across government. It asks for peer exchange with States that run such mechanisms and for help with a recommendation tracking tool.",
    themes: [
      "uhri:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf",
      "uhri:cooperation-with-treaty-bodies",
    ],
    sdgTargets: ["16.6", "16.7"],
    supportKinds: ["peer-exchange", "institution-building", "data-indicators"],
    providerTypes: ["state-latin-american-caribbean", "state-western-european-other", "ngo"],
    workingLanguages: ["en"],
    counterparts: ["Office of the Solicitor-General"],
    durationMonths: 18,
    find: ["reporting obligations treaty bodies", "treaty bodies reports", "treaty bodies"],
  },
  {
    by: "marshall.islands@example.org",
    title: "Setting up a national mechanism for reporting and follow-up",
    summary:
      "With a small public service, the Marshall Islands struggles to report to the treaty bodies on time. It asks for support to set up a light national mechanism for reporting and follow-up, learning from other small island States.",
    themes: ["uhri:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf"],
    sdgTargets: ["16.6", "17.9"],
    supportKinds: ["peer-exchange", "institution-building", "training"],
    providerTypes: [],
    workingLanguages: ["en"],
    counterparts: ["Ministry of Foreign Affairs and Trade"],
    durationMonths: 12,
    find: ["reporting obligations", "treaty bodies", "technical assistance"],
  },
  {
    by: "seychelles@example.org",
    title: "Strengthening the national human rights institution",
    summary:
      "Seychelles asks for support to bring its national human rights institution in line with the Paris Principles: a review of its founding law, training for its staff, and preparation for accreditation.",
    themes: ["uhri:national-human-rights-institution-nhri"],
    sdgTargets: ["16.a", "16.b"],
    supportKinds: ["legislative-review", "training", "institution-building"],
    providerTypes: ["un-entity", "state-asia-pacific"],
    workingLanguages: ["en", "fr"],
    counterparts: ["Seychelles Human Rights Commission"],
    durationMonths: 18,
    find: [
      "national human rights institution Paris Principles",
      "national human rights institution",
      "Paris Principles",
    ],
  },
  {
    by: "maldives@example.org",
    title: "Strengthening the Human Rights Commission of the Maldives",
    summary:
      "The Maldives asks for support to strengthen the independence and the investigative capacity of its Human Rights Commission, in line with the Paris Principles.",
    themes: ["uhri:national-human-rights-institution-nhri"],
    sdgTargets: ["16.a"],
    supportKinds: ["expertise", "training"],
    providerTypes: ["un-entity", "state-asia-pacific"],
    workingLanguages: ["en"],
    counterparts: ["Human Rights Commission of the Maldives"],
    durationMonths: 12,
    find: ["Human Rights Commission Paris Principles", "Human Rights Commission", "Paris Principles"],
  },
  // Not from the forum: a second request from Honduras, open and matched with nobody, so that a
  // visitor can walk the match workflow themselves (Thailand finds it among its offer's
  // suggestions and proposes; Honduras reads exactly what would be shared, consents, revokes).
  // It fills in every restricted detail, so the consent screen has a value to show for each.
  {
    by: "honduras@example.org",
    language: "es",
    title: "Debida diligencia en derechos humanos en el sector agroexportador",
    summary:
      "Honduras solicita apoyo para que las empresas agroexportadoras apliquen la debida diligencia en derechos humanos: guías para el sector, formación de la inspección del trabajo e intercambio con un Estado que ya promueve esa práctica entre sus empresas.",
    themes: ["uhri:business-and-human-rights"],
    sdgTargets: ["8.7", "8.8", "12.6"],
    supportKinds: ["peer-exchange", "training", "legislative-review"],
    providerTypes: ["state-asia-pacific", "un-entity"],
    workingLanguages: ["es", "en"],
    counterparts: ["Secretaría de Trabajo y Seguridad Social"],
    durationMonths: 10,
    budgetAmount: "35000",
    budgetCurrency: "USD",
    desiredStart: "2027-03-01",
    find: ["business human rights", "companies", "private sector"],
  },
];

export const DEMO_OFFERS: DemoOffer[] = [
  {
    by: "norway@example.org",
    title: "Gender mainstreaming and child rights: expertise and peer exchange",
    description:
      "Norway offers advisers and exchange visits on gender-responsive planning and budgeting and on child protection systems, for ministries that want to mainstream gender and children's rights.",
    themes: ["uhri:advancement-of-women", "uhri:children-definition-general-principles-protection"],
    sdgTargets: ["5.1", "5.c", "16.2"],
    supportKinds: ["expertise", "peer-exchange", "training"],
    workingLanguages: ["en"],
    eligibleStatuses: [],
    capacity: 3,
  },
  {
    by: "thailand@example.org",
    title: "Prison reform and the Bangkok Rules: South-South exchange",
    description:
      "Thailand offers training and study visits for prison services on the treatment of prisoners, including women prisoners under the Bangkok Rules.",
    themes: ["uhri:conditions-of-detention"],
    sdgTargets: ["16.3"],
    supportKinds: ["training", "peer-exchange"],
    workingLanguages: ["en", "th"],
    eligibleStatuses: [],
    capacity: 2,
  },
  {
    by: "thailand@example.org",
    title: "National action plans on business and human rights: sharing Thailand's experience",
    description:
      "Thailand shares how it drafted and consulted on its national action plan on business and human rights, and reviews other States' drafts.",
    themes: ["uhri:business-and-human-rights"],
    sdgTargets: ["8.7", "8.8"],
    supportKinds: ["peer-exchange", "legislative-review"],
    workingLanguages: ["en"],
    eligibleStatuses: [],
    capacity: 2,
  },
  {
    by: "paraguay@example.org",
    title: "Recommendation monitoring systems: Paraguay's experience",
    description:
      "Paraguay shares how it built its national mechanism and its public system for monitoring recommendations, with exchange visits and technical advice for States setting up their own.",
    themes: ["uhri:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf"],
    sdgTargets: ["16.6", "17.18"],
    supportKinds: ["peer-exchange", "expertise", "data-indicators"],
    workingLanguages: ["es", "en"],
    eligibleStatuses: [],
    capacity: 4,
  },
  {
    by: "australia@example.org",
    title: "Support for national mechanisms and human rights institutions in small island States",
    description:
      "Australia funds and advises national mechanisms for reporting and follow-up and national human rights institutions in small island developing States.",
    themes: [
      "uhri:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf",
      "uhri:national-human-rights-institution-nhri",
    ],
    sdgTargets: ["16.6", "16.a"],
    supportKinds: ["expertise", "funding", "institution-building"],
    workingLanguages: ["en"],
    eligibleStatuses: ["sids"],
    capacity: 4,
  },
  {
    by: "secretariat@example.org",
    title: "Technical cooperation on recommendation tracking and national human rights institutions",
    description:
      "OHCHR offers technical cooperation to set up recommendation tracking, to support national mechanisms for reporting and follow-up, and to strengthen national human rights institutions.",
    themes: [
      "uhri:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf",
      "uhri:national-human-rights-institution-nhri",
    ],
    sdgTargets: ["16.6", "16.a"],
    supportKinds: ["expertise", "training", "institution-building"],
    workingLanguages: ["en", "fr", "es", "ar", "ru", "zh"],
    eligibleStatuses: [],
    capacity: 6,
  },
  {
    by: "urg@example.org",
    title: "Implementation and follow-up: research, convening and peer learning",
    description:
      "The Universal Rights Group convenes States that run national mechanisms for implementation, reporting and follow-up, and advises on recommendation tracking.",
    themes: ["uhri:national-mechanisms-for-implementation-reporting-and-follow-up-nmirf"],
    sdgTargets: ["16.6"],
    supportKinds: ["expertise", "peer-exchange"],
    workingLanguages: ["en", "fr"],
    eligibleStatuses: [],
    capacity: 3,
  },
];

/**
 * A pairing the forum made, as the match it becomes on the platform: proposed by the secretariat
 * (which convened the forum) or by the provider, accepted by the provider, and consented to by the
 * State with the restricted details it chose to share; some already under way. Requests and
 * offers are named by their titles above.
 */
export interface DemoPairing {
  request: string;
  offer: string;
  proposedBy: "secretariat" | "provider";
  /** The restricted details the State shares: budget, schedule, counterparts. */
  scope: string[];
  /** Whether the work has started. */
  active: boolean;
  message: string;
}

const BHUTAN_GENDER = DEMO_REQUESTS[0]!.title;
const BHUTAN_TRACKING = DEMO_REQUESTS[1]!.title;
const MALDIVES_PRISONS = DEMO_REQUESTS[2]!.title;
const HONDURAS_PLAN = DEMO_REQUESTS[3]!.title;
const FIJI_NMIRF = DEMO_REQUESTS[4]!.title;
const MARSHALL_NMIRF = DEMO_REQUESTS[5]!.title;
const SEYCHELLES_NHRI = DEMO_REQUESTS[6]!.title;
const MALDIVES_NHRI = DEMO_REQUESTS[7]!.title;
const NORWAY_GENDER = DEMO_OFFERS[0]!.title;
const THAILAND_PRISONS = DEMO_OFFERS[1]!.title;
const THAILAND_PLANS = DEMO_OFFERS[2]!.title;
const PARAGUAY_MONITORING = DEMO_OFFERS[3]!.title;
const AUSTRALIA_ISLANDS = DEMO_OFFERS[4]!.title;
const OHCHR_COOPERATION = DEMO_OFFERS[5]!.title;
const URG_FOLLOW_UP = DEMO_OFFERS[6]!.title;

const ALL_DETAILS = ["budget", "schedule", "counterparts"];

export const DEMO_PAIRINGS: DemoPairing[] = [
  {
    request: BHUTAN_GENDER,
    offer: NORWAY_GENDER,
    proposedBy: "secretariat",
    scope: ALL_DETAILS,
    active: true,
    message: "Paired at the pilot forum: Norway's advisers meet the National Commission for Women and Children.",
  },
  {
    request: BHUTAN_TRACKING,
    offer: OHCHR_COOPERATION,
    proposedBy: "provider",
    scope: ALL_DETAILS,
    active: true,
    message: "OHCHR can help set up the tracking database and the reporting calendar.",
  },
  {
    request: BHUTAN_TRACKING,
    offer: URG_FOLLOW_UP,
    proposedBy: "secretariat",
    scope: ["schedule"],
    active: false,
    message: "Paired at the pilot forum: the Universal Rights Group shares how other States follow up.",
  },
  {
    request: MALDIVES_PRISONS,
    offer: THAILAND_PRISONS,
    proposedBy: "secretariat",
    scope: ALL_DETAILS,
    active: true,
    message: "Paired at the pilot forum: a study visit to Thailand's prison service on the Bangkok Rules.",
  },
  {
    request: HONDURAS_PLAN,
    offer: THAILAND_PLANS,
    proposedBy: "secretariat",
    scope: ["schedule", "counterparts"],
    active: false,
    message: "Paired at the pilot forum: Thailand shares how it consulted on its national action plan.",
  },
  ...[FIJI_NMIRF, MARSHALL_NMIRF].flatMap((request) => [
    {
      request,
      offer: PARAGUAY_MONITORING,
      proposedBy: "secretariat" as const,
      scope: ALL_DETAILS,
      active: request === FIJI_NMIRF,
      message: "Paired at the pilot forum: Paraguay shows its recommendation monitoring system.",
    },
    {
      request,
      offer: URG_FOLLOW_UP,
      proposedBy: "secretariat" as const,
      scope: ["counterparts"],
      active: false,
      message: "Paired at the pilot forum: peer learning among States that run national mechanisms.",
    },
    {
      request,
      offer: AUSTRALIA_ISLANDS,
      proposedBy: "provider" as const,
      scope: ["budget", "schedule"],
      active: false,
      message: "Australia funds and advises national mechanisms in small island States.",
    },
  ]),
  ...[SEYCHELLES_NHRI, MALDIVES_NHRI].flatMap((request) => [
    {
      request,
      offer: OHCHR_COOPERATION,
      proposedBy: "provider" as const,
      scope: ALL_DETAILS,
      active: request === SEYCHELLES_NHRI,
      message: "OHCHR supports national human rights institutions on the way to accreditation.",
    },
    {
      request,
      offer: AUSTRALIA_ISLANDS,
      proposedBy: "secretariat" as const,
      scope: ["schedule", "counterparts"],
      active: false,
      message: "Paired at the pilot forum: Australia advises human rights institutions in small island States.",
    },
  ]),
];
