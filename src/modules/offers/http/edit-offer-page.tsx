import { data, redirect } from "react-router";
import { flashCookie } from "../../../platform/http/flash";
import type { RouteHandle } from "../../../platform/http/guard";
import { requestFacts } from "../../../platform/http/load-context";
import { ErrorSummary, PageHeading } from "../../../platform/ui/components";
import { CsrfField } from "../../../platform/ui/csrf-field";
import { useHref, useT } from "../../../platform/ui/i18n";
import { getOffer } from "../use-cases/get-offer";
import { OfferForbiddenError } from "../use-cases/publish-offer";
import { updateOffer } from "../use-cases/update-offer";
import type { Route } from "./+types/edit-offer-page";
import { formChoices, formOf, OfferFields, readOfferForm, valuesOf } from "./offer-parts";

// Signed in; then 404 to whoever may not see the offer, 403 to whoever sees it but does not own it.
export const handle = { access: "signed-in" } satisfies RouteHandle;

export async function loader({ params, context }: Route.LoaderArgs) {
  const offer = await getOffer({ actor: context.actor, id: params.id }, context.services);
  if (!offer) throw data(null, { status: 404 });
  if (!offer.canEdit) throw data(null, { status: 403 });
  return { offer, choices: await formChoices(context) };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const sent = await readOfferForm(request);
  const result = await updateOffer(
    { actor: context.actor, offerId: params.id, form: formOf(sent), request: requestFacts(context) },
    context.services,
  ).catch((error: unknown) => {
    if (error instanceof OfferForbiddenError) throw data(null, { status: 403 });
    throw error;
  });
  if (result.outcome === "not-found") throw data(null, { status: 404 });
  if (result.outcome === "invalid") return data({ problems: result.problems, sent }, { status: 400 });
  throw redirect(`/${context.locale}/offers/${params.id}`, {
    headers: {
      "Set-Cookie": flashCookie(result.outcome === "saved" ? "offers.flash.saved" : "offers.flash.unchanged"),
    },
  });
}

export default function EditOfferPage({ loaderData: d, actionData }: Route.ComponentProps) {
  const t = useT();
  const href = useHref();
  const problems = actionData?.problems ?? {};
  return (
    <>
      <title>{`${t("offers.edit.title")} · item10`}</title>
      <p>
        <a href={href(`/offers/${d.offer.id}`)}>{t("offers.edit.back")}</a>
      </p>
      <PageHeading title={t("offers.edit.title")} lead={<span lang={d.offer.language}>{d.offer.title}</span>} />
      <ErrorSummary errors={problems} />
      <form method="post" className="stack" noValidate>
        <CsrfField />
        <OfferFields
          values={actionData?.sent ?? valuesOf(d.offer)}
          problems={problems}
          choices={d.choices}
          organisations={[]}
        />
        <button type="submit">{t("offers.edit.submit")}</button>
      </form>
    </>
  );
}
