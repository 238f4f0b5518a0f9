/**
 * Query keys that more than one feature reads or invalidates. A feature keeps its own keys to itself; a key lives here
 * once another feature has to name it (redeeming an invite refreshes the links list, ending a link the mentor's pages).
 */
export const sharedKeys = {
  links: ["links"] as const,
  review: ["review"] as const,
};
