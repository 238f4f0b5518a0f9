/** The audit module's public surface: other modules import from here, never from its files. */
export { recordAudit } from "./repo.ts";
