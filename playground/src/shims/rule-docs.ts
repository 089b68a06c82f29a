// In the browser there is no installed package to link a rule's page in: diagnostics carry no link.
export function packageRoot(): string | undefined {
  return undefined;
}

export function ruleDocumentationUri(_ruleId: string): string | undefined {
  return undefined;
}
