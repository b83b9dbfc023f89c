import { ActionIcon, TextInput } from "@mantine/core";
import { IconSearch } from "@tabler/icons-react";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";

/**
 * The search box of the header: it opens the results page (`/search?q=…`, given by a module) with the
 * words typed. On a phone, where the header has no room, it is a button to that page.
 */
export function HeaderSearch({ compact }: { compact: boolean }) {
  const { t } = useTranslation("shell");
  const navigate = useNavigate();
  const [text, setText] = useState("");
  if (compact) {
    return (
      <ActionIcon
        component={Link}
        to="/search"
        variant="subtle"
        color="gray.8"
        size="lg"
        aria-label={t("search.open")}
      >
        <IconSearch size={20} aria-hidden />
      </ActionIcon>
    );
  }
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = text.trim();
    navigate(q ? `/search?${new URLSearchParams({ q })}` : "/search");
  };
  return (
    <search className="header-search">
      <form onSubmit={submit}>
        <TextInput
          aria-label={t("search.label")}
          placeholder={t("search.placeholder")}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          maxLength={200}
          size="sm"
          type="search"
          data-testid="header-search"
        />
      </form>
    </search>
  );
}
