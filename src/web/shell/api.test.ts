import { describe, expect, it } from "vitest";
import { ApiError } from "./api.ts";
import { safeReturnPath } from "./forms.ts";

describe("ApiError", () => {
  it("puts each zod issue next to its field, without the request part of the path", () => {
    const error = new ApiError(400, "invalid_input", "The request is not valid: check body.email.", {
      issues: [
        { path: ["body", "email"], message: "Not a valid e-mail address." },
        { path: ["body", "address", "city"], message: "Required." },
        { path: ["body", "email"], message: "A second message for the same field." },
      ],
    });
    expect(error.fieldErrors).toEqual({ email: "Not a valid e-mail address.", "address.city": "Required." });
  });

  it("names the one field a domain error is about", () => {
    const error = new ApiError(409, "email_taken", "An account with this e-mail already exists.", {
      field: "email",
    });
    expect(error.fieldErrors).toEqual({ email: "An account with this e-mail already exists." });
  });

  it("has no field errors when the details say nothing about fields", () => {
    expect(
      new ApiError(500, "internal_error", "The server could not complete the request.").fieldErrors,
    ).toEqual({});
  });
});

describe("safeReturnPath", () => {
  it("keeps a path inside the app", () => {
    expect(safeReturnPath("/accounts?x=1")).toBe("/accounts?x=1");
  });

  it("refuses addresses that would leave the app", () => {
    for (const value of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
      null,
    ]) {
      expect(safeReturnPath(value)).toBe("/");
    }
  });
});
