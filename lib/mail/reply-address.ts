/**
 * The access mailbox's plus address for one merchant: admin.access@actenzo.test →
 * admin.access+<merchant id>@actenzo.test. Null when no access address is configured. Pure.
 */
export function merchantReplyAddress(merchantId: string, accessAddress: string | undefined): string | null {
  if (!accessAddress) return null;
  const at = accessAddress.lastIndexOf("@");
  if (at < 1) return null;
  const local = accessAddress.slice(0, at).split("+")[0];
  return `${local}+${merchantId}${accessAddress.slice(at)}`;
}
