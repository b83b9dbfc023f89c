import { AppShell, Burger, Center, Container, Group, Loader, Text, UnstyledButton } from "@mantine/core";
import { useDisclosure, useMediaQuery, useWindowEvent } from "@mantine/hooks";
import { IconBuildingBank } from "@tabler/icons-react";
import { Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, Outlet, useLocation, useNavigationType } from "react-router";
import { AccountMenu } from "./AccountMenu.tsx";
import { HeaderSearch } from "./HeaderSearch.tsx";
import { LanguageSwitcher } from "./LanguageSwitcher.tsx";
import { useLanguageSync } from "./language.ts";
import { useLiveConnectionFollows } from "./live-events.ts";
import { MainNav } from "./MainNav.tsx";
import { useModuleLiveRefresh, useModules } from "./ModuleSlots.tsx";
import { useSession } from "./session.ts";

/**
 * The frame of every page: a skip link, the header (product, language, account), the main navigation
 * (a drawer behind a burger below 48em) and the page itself. The first-run setup is never advertised
 * to visitors: only the operator has its link (printed on the server's console). An administrator who
 * must set up two-factor authentication is shown that page and nothing else. The modules' pages and
 * navigation come from the app's list of modules; a page's code loads when it is first opened.
 */
export function Layout() {
  const { t } = useTranslation("shell");
  const [navOpened, nav] = useDisclosure(false);
  const isPhone = useMediaQuery("(max-width: 47.99em)", false, { getInitialValueInEffect: false });
  const location = useLocation();
  const navRef = useRef<HTMLDivElement>(null);
  const burgerRef = useRef<HTMLButtonElement>(null);
  const { account, isLoading: sessionLoading } = useSession();
  useLanguageSync();
  useLiveConnectionFollows(sessionLoading ? null : (account?.id ?? null));
  useModuleLiveRefresh();
  const { routes } = useModules();

  // A page change closes the phone's navigation drawer and moves the focus to the new page, so a
  // screen reader announces it and Tab continues from there. Not on the first load, nor on a redirect
  // that completes it (/processes/astana/rounds/22 → /rounds/…): there the skip link stays the first
  // Tab stop, as on every page opened directly.
  const navigationType = useNavigationType();
  const firstLoad = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every address change
  useEffect(() => {
    nav.close();
    if (firstLoad.current) {
      firstLoad.current = navigationType === "POP" || navigationType === "REPLACE";
      if (firstLoad.current) return;
    }
    document.getElementById("main-content")?.focus({ preventScroll: true });
  }, [location.pathname]);

  useEffect(() => {
    if (isPhone && navOpened) navRef.current?.querySelector<HTMLElement>("a, button")?.focus();
  }, [isPhone, navOpened]);

  // Escape closes the phone's drawer and returns the focus to the burger that opened it.
  useWindowEvent("keydown", (event) => {
    if (event.key !== "Escape" || !isPhone || !navOpened) return;
    nav.close();
    burgerRef.current?.focus();
  });

  const navHidden = isPhone && !navOpened;
  const page = (
    <Suspense
      fallback={
        <Center py="xl">
          <Loader aria-label={t("loading")} />
        </Center>
      }
    >
      <Outlet />
    </Suspense>
  );
  let content = page;
  if (account?.mustSetUpTwoFactor && location.pathname !== "/account/two-factor") {
    content = <Navigate to="/account/two-factor" replace />;
  }

  return (
    <>
      <a href="#main-content" className="skip-link">
        {t("skipToContent")}
      </a>
      <AppShell
        header={{ height: 56 }}
        navbar={{ width: 240, breakpoint: "sm", collapsed: { mobile: !navOpened } }}
        padding="md"
      >
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="xs">
            <Group gap="xs" wrap="nowrap" className="header-start">
              <Burger
                ref={burgerRef}
                opened={navOpened}
                onClick={nav.toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={navOpened ? t("nav.close") : t("nav.open")}
                aria-expanded={navOpened}
                aria-controls="main-navigation"
              />
              <UnstyledButton component={Link} to="/" className="brand" data-testid="brand">
                <IconBuildingBank size={24} stroke={1.6} aria-hidden />
                <Text component="span" fw={700} size="lg" className="brand-name">
                  {t("product")}
                </Text>
              </UnstyledButton>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <HeaderSearch compact={isPhone} />
              <LanguageSwitcher />
              <AccountMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" id="main-navigation" ref={navRef} inert={navHidden}>
          <MainNav routes={routes} onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id="main-content" tabIndex={-1} className="main-content">
          <Container size="lg" px={0}>
            {content}
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
