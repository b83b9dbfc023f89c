import { useQueryClient } from "@tanstack/react-query";
import type { ChangeEvent } from "react";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { localName, slugFrom } from "./forms.ts";
import { notifySuccess } from "./notices.tsx";
import { recordKey } from "./queries.ts";
import type { LocalizedNames } from "./types.ts";

type Slugged = { slug: string; names: { en: string } };
type SlugProps = { onChange: (event: ChangeEvent<HTMLInputElement>) => void };
type SlugForm<Props extends SlugProps> = {
  setFieldValue: (path: "slug", value: string) => void;
  getInputProps: (path: "slug") => Props;
};

/**
 * A new record's address (slug) follows its English name until the secretariat types one itself;
 * an existing record's address never changes by itself, since links already point to it.
 */
export function useSlugFollowingName(editing: boolean) {
  const touched = useRef(editing);
  return {
    /** Call from the form's onValuesChange. */
    follow<Props extends SlugProps>(form: SlugForm<Props>, values: Slugged, previous: Slugged) {
      if (!touched.current && values.names.en !== previous.names.en) {
        form.setFieldValue("slug", slugFrom(values.names.en));
      }
    },
    /** The slug field's props: typing in it stops the following. */
    inputProps<Props extends SlugProps>(form: SlugForm<Props>): Props {
      const props = form.getInputProps("slug");
      return {
        ...props,
        onChange: (event: ChangeEvent<HTMLInputElement>) => {
          touched.current = true;
          props.onChange(event);
        },
      };
    },
  };
}

/**
 * After a save: refreshes the record everyone reads and tells the secretariat, by the record's
 * name in their language, whether it was saved (an edit) or created.
 */
export function useAnnounceSaved(section: "meetings" | "participants") {
  const { t, i18n } = useTranslation("secretariat");
  const client = useQueryClient();
  return async (editing: boolean, names: LocalizedNames) => {
    await client.invalidateQueries({ queryKey: recordKey });
    notifySuccess(
      t(editing ? `secretariat:${section}.saved` : `secretariat:${section}.created`, {
        name: localName(names, i18n.language),
      }),
    );
  };
}
