export { ROLES, roleSchema, principalOf, planledgerClaimsSchema, type Principal, type Role, type PlanledgerClaims } from './principal';
export { loadSigningKeys, generateSigningKeyPem, keysDirOf, SigningKeyError, TOKEN_ALGORITHM, type KeySource, type SigningKeys } from './signing-keys';
export { issueToken, TOKEN_ISSUER, type IssuedToken, type TokenRequest } from './token-issuer';
export { InvalidTokenError, LocalTokenVerifier, OidcTokenVerifier, type OidcSettings, type TokenVerifier } from './token-verifier';
export { parseTokenLifetime } from './token-lifetime';
export { adminTokenFileOf, readAdminToken, writeAdminToken } from './admin-token';
export { DIRECTORY_STREAM, DIRECTORY_EVENT_TYPES, type DirectoryEvent, type PersonRegisteredData, type PersonRevokedData } from './people/directory-events';
export { PeopleDirectory, PersonConflictError, PersonNotFoundError, type DirectoryOptions, type Person } from './people/people-directory';
