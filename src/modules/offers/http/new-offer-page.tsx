import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { getAccountOverview } from "../../accounts";
import { publishersOf } from "../domain/policy";
import { OfferForbiddenError, publishOffer } from "../use-cases/publish-offer";
import type { Route } from "./+types/new-offer-page";
import { formChoices, formOf, OfferFields, readOfferForm, valuesOf } from "./offer-parts";

export const handle = { access: { policy: "offers.publish" } } satisfies RouteHandle;

export async function loader({ context }: Route.LoaderArgs) {
  const publishers = publishersOf(context.actor);
  const [choices, account] = await Promise.all([
    formChoices(context),
    getAccountOverview({ actor: context.actor }, context.services),
  ]);
  const names = new Map(account.memberships.map((m) => [m.organisationId, m.organisationName]));
  return { choices, organisations: publishers.map((id) => ({ id, name: names.get(id) ?? id })) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const sent = await readOfferForm(request);
  const result = await publishOffer(
    {
      actor: context.actor,
      organisationId: sent.organisationId || undefined,
      form: formOf(sent),
      request: requestFacts(context),
    },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof OfferForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "invalid") return data({ problems: result.problems, sent }, { status: 400 });
  throw redirect(`/${context.locale}/offers/${result.offerId}`, {
    headers: { "Set-Cookie": flashCookie("offers.flash.published") },
  });
}

export default function NewOfferPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems = actionData?.problems ?? {};
  return (
    <>
      <title>{`${t("offers.new.title")} · item10`}</title>
      <p>
        <a href={href("/offers")}>{t("offers.back")}</a>
      </p>
      <PageHeading title={t("offers.new.title")} lead={t("offers.new.lead")} />
      <ErrorSummary errors={problems} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <OfferFields
          values={actionData?.sent ?? valuesOf(null)}
          problems={problems}
          choices={d.choices}
          organisations={d.organisations}
        />
        <button type="submit">{t("offers.new.submit")}</button>
      </form>
    </>
  );
}
