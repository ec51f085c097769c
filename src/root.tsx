import type { ReactNode } from "react";
import { IntlProvider } from "react-intl";
import { data, isRouteErrorResponse, Links, Meta, Outlet, useRouteError, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { can } from "./modules/accounts";
import { countUnreadNotifications } from "./modules/notifications";
import { RECOMMENDATIONS_POLICIES, trackingWriters } from "./modules/recommendations";
import { REQUESTS_POLICIES } from "./modules/requests";
import { readFlash } from "./platform/http/flash";
import {
  DEFAULT_LOCALE,
  ENDONYM,
  isLocale,
  LANGUAGE_TAG,
  LOCALES,
  type Locale,
  textDirection,
} from "./platform/i18n/locales";
import { CATALOGUES, type MessageKey } from "./platform/i18n/messages";
import { localizedPath } from "./platform/i18n/negotiate";
import { Flash } from "./platform/ui/components";
import { CsrfField } from "./platform/ui/csrf-field";
import { useHref, useT } from "./platform/ui/i18n";
import stylesheet from "./platform/ui/styles.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  // `/xx/countries` with an unknown language is not a page of ours.
  if (params.lang !== undefined && !isLocale(params.lang)) throw data(null, { status: 404 });
  const url = new URL(request.url);
  const flash = readFlash(request.headers.get("cookie"), context.locale);
  const actor = context.actor;
  const user =
    actor.kind === "user"
      ? {
          displayName: actor.displayName,
          canViewAudit: can(actor, "audit.view"),
          canViewOutbox: can(actor, "outbox.view"),
          canManage: can(actor, "organisations.manage"),
          canTrack: trackingWriters(actor).length > 0,
          canImport: RECOMMENDATIONS_POLICIES["recommendations.import"](actor),
          canClassify: RECOMMENDATIONS_POLICIES["recommendations.classify"](actor),
          canReview: REQUESTS_POLICIES["requests.review"](actor),
          // Matches concern the organisations one belongs to (the secretariat and the committee see all).
          canMatch: actor.memberships.length > 0,
          unreadNotifications: await countUnreadNotifications({ actor }, context.services),
        }
      : null;
  return data(
    {
      locale: context.locale,
      pathname: url.pathname,
      search: url.search,
      flash: flash.message,
      csrfToken: context.csrfToken,
      user,
    },
    flash.clear ? { headers: { "Set-Cookie": flash.clear } } : undefined,
  );
}

export function headers({ loaderHeaders }: Route.HeadersArgs) {
  return loaderHeaders;
}

function LanguageSwitcher({ locale, pathname, search }: { locale: Locale; pathname: string; search: string }) {
  const t = useT();
  return (
    <nav className="languages" aria-label={t("layout.languages")}>
      <ul>
        {LOCALES.map((l) => (
          <li key={l}>
            <a
              href={localizedPath(l, pathname, search)}
              lang={LANGUAGE_TAG[l]}
              hrefLang={LANGUAGE_TAG[l]}
              aria-current={l === locale ? "true" : undefined}
            >
              {ENDONYM[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type NavigationUser = {
  displayName: string;
  canViewAudit: boolean;
  canViewOutbox: boolean;
  canManage: boolean;
  canTrack: boolean;
  canImport: boolean;
  canClassify: boolean;
  canReview: boolean;
  canMatch: boolean;
  unreadNotifications: number;
};

/** The main menu; `when` names the permission (computed by the loader) an entry needs. */
const MAIN_NAVIGATION: {
  path: string;
  label: MessageKey;
  when?: keyof Omit<NavigationUser, "displayName" | "unreadNotifications">;
}[] = [
  { path: "/", label: "nav.home" },
  { path: "/countries", label: "nav.countries" },
  { path: "/sdgs", label: "nav.sdgs" },
  { path: "/recommendations", label: "nav.recommendations" },
  { path: "/updates", label: "nav.updates" },
  { path: "/requests", label: "nav.requests" },
  { path: "/offers", label: "nav.offers" },
  { path: "/gaps", label: "nav.gaps" },
  { path: "/matches", label: "nav.matches", when: "canMatch" },
  { path: "/tracking", label: "nav.tracking", when: "canTrack" },
  { path: "/secretariat/screening", label: "nav.screening", when: "canReview" },
  { path: "/secretariat/imports", label: "nav.imports", when: "canImport" },
  { path: "/secretariat/suggestions", label: "nav.suggestions", when: "canClassify" },
  { path: "/secretariat/audit", label: "nav.audit", when: "canViewAudit" },
  { path: "/admin/organisations", label: "nav.organisations", when: "canManage" },
  { path: "/admin/users", label: "nav.people", when: "canManage" },
  { path: "/admin/invitations", label: "nav.invitations", when: "canManage" },
  { path: "/admin/join-requests", label: "nav.joinRequests", when: "canManage" },
  { path: "/admin/outbox", label: "nav.outbox", when: "canViewOutbox" },
];

function SiteHeader({ user }: { user: NavigationUser | null }) {
  const t = useT();
  const href = useHref();
  return (
    <header className="site-header">
      <div className="wrap">
        <a className="brand" href={href("/")}>
          <span className="brand-name">item10</span>
          <span className="brand-tagline">{t("layout.tagline")}</span>
        </a>
        <nav aria-label={t("layout.mainNavigation")}>
          <ul className="main-nav">
            {MAIN_NAVIGATION.filter((item) => !item.when || user?.[item.when]).map((item) => (
              <li key={item.path}>
                <a href={href(item.path)}>{t(item.label)}</a>
              </li>
            ))}
          </ul>
        </nav>
        <nav aria-label={t("layout.accountNavigation")}>
          <ul className="main-nav">
            {user ? (
              <>
                <li>
                  <a href={href("/notifications")}>{t("nav.notifications", { count: user.unreadNotifications })}</a>
                </li>
                <li>
                  <a href={href("/account")}>{user.displayName}</a>
                </li>
                <li>
                  <form method="post" action={href("/sign-out")} className="inline">
                    <CsrfField />
                    <button type="submit" className="link-button">
                      {t("nav.signOut")}
                    </button>
                  </form>
                </li>
              </>
            ) : (
              <li>
                <a href={href("/sign-in")}>{t("nav.signIn")}</a>
              </li>
            )}
          </ul>
        </nav>
      </div>
    </header>
  );
}

function SiteFooter() {
  const t = useT();
  return (
    <footer className="site-footer">
      <div className="wrap">
        <p>{t("layout.footer.mission")}</p>
        <p>
          <a href="/api/v1/openapi.json">{t("layout.footer.api")}</a>
        </p>
      </div>
    </footer>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const loaded = useRouteLoaderData<typeof loader>("root");
  const locale = loaded?.locale ?? DEFAULT_LOCALE;
  return (
    <html lang={LANGUAGE_TAG[locale]} dir={textDirection(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <IntlProvider locale={LANGUAGE_TAG[locale]} messages={CATALOGUES[locale]} defaultLocale="en">
          <Shell
            locale={locale}
            pathname={loaded?.pathname ?? "/"}
            search={loaded?.search ?? ""}
            flash={loaded?.flash ?? null}
            user={loaded?.user ?? null}
          >
            {children}
          </Shell>
        </IntlProvider>
      </body>
    </html>
  );
}

function Shell({
  locale,
  pathname,
  search,
  flash,
  user,
  children,
}: {
  locale: Locale;
  pathname: string;
  search: string;
  flash: string | null;
  user: NavigationUser | null;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipToContent")}
      </a>
      <div className="top-bar">
        <div className="wrap">
          <LanguageSwitcher locale={locale} pathname={pathname} search={search} />
        </div>
      </div>
      <SiteHeader user={user} />
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          <Flash message={flash} />
          {children}
        </div>
      </main>
      <SiteFooter />
    </>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const [title, body] =
    status === 404
      ? [t("error.notFound.title"), t("error.notFound.body")]
      : status === 403
        ? [t("error.forbidden.title"), t("error.forbidden.body")]
        : [t("error.server.title"), t("error.server.body")];
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      <p>{body}</p>
    </>
  );
}
