import { NativeSelect, type NativeSelectProps } from "@mantine/core";
import { languages } from "./i18n.ts";

/** A choice among the interface languages, each named in its own language. */
export function LocaleSelect(props: Omit<NativeSelectProps, "data">) {
  return (
    <NativeSelect
      {...props}
      data={languages.map((language) => ({ value: language.code, label: language.name }))}
    />
  );
}
