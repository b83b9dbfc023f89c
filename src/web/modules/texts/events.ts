// The live events of negotiated texts (operation name = event type): each refreshes the texts' pages.
export const textsEventTypes = [
  "texts.document.create",
  "texts.paragraph.add",
  "texts.paragraph.edit",
  "texts.paragraph.move",
  "texts.paragraph.remove",
  "texts.paragraph.set-state",
  "texts.proposal.submit",
  "texts.proposal.amend",
  "texts.proposal.withdraw",
  "texts.proposal.decide",
  "texts.position.take",
  "texts.document.approve",
  "texts.document.adopt",
  "texts.document.publish",
] as const;
