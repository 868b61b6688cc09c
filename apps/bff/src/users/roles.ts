// The roles are part of the wire contract (the SPA shows and compares them): defined in
// @style-console/contract/people, re-exported here for the BFF's own modules.
export { isRole, ROLES, type Role, roleAtLeast } from "@style-console/contract/people";
