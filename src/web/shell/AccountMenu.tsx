import { Avatar, Button, Menu, Text, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { IconChevronDown, IconKey, IconLogin, IconLogout, IconShieldLock } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useSession, useSignOut } from "./session.ts";

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return parts
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
}

/** The signed-in person's menu (name, password and API tokens, two-factor setup, sign out), or a sign-in link for a visitor. */
export function AccountMenu() {
  const { t } = useTranslation("shell");
  const { account, isLoading } = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();

  if (isLoading) return null;
  if (!account) {
    if (location.pathname === "/sign-in") return null;
    return (
      <Button
        component={Link}
        to="/sign-in"
        variant="light"
        size="compact-md"
        leftSection={<IconLogin size={18} aria-hidden />}
        data-testid="account-menu"
      >
        {t("account.signIn")}
      </Button>
    );
  }
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        {/* Named by its content rather than aria-label, so that the initials shown (hidden from screen
            readers) are not taken for a visible label missing from the name (WCAG 2.5.3). */}
        <UnstyledButton className="account-button" data-testid="account-menu">
          <VisuallyHidden>{t("account.menuFor", { name: account.name })}</VisuallyHidden>
          <Avatar size={30} radius="xl" color="indigo" aria-hidden>
            {initials(account.name)}
          </Avatar>
          <Text size="sm" fw={500} visibleFrom="sm" className="account-name" aria-hidden>
            {account.name}
          </Text>
          <IconChevronDown size={14} aria-hidden />
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark">
            {account.name}
          </Text>
          <Text size="xs" c="dimmed" dir="ltr" className="account-email">
            {account.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/account" leftSection={<IconKey size={16} aria-hidden />}>
          {t("account.myAccount")}
        </Menu.Item>
        <Menu.Item
          component={Link}
          to="/account/two-factor"
          leftSection={<IconShieldLock size={16} aria-hidden />}
        >
          {t("account.twoFactor")}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={async () => {
            await signOut();
            navigate("/");
          }}
        >
          {t("account.signOut")}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
