/** DI tokens of the api's authentication (provided by AuthModule). */
/** The AuthSetup: verifier, the service's keys (absent under OIDC), whether this is the embedded default. */
export const AUTH_SETUP = Symbol('AuthSetup');
export const TOKEN_VERIFIER = Symbol('TokenVerifier');
/** The service's SigningKeys; undefined under an external OIDC issuer (planledger issues no tokens then). */
export const SIGNING_KEYS = Symbol('SigningKeys');
export const PEOPLE_DIRECTORY = Symbol('PeopleDirectory');
/** Where start-up lines that hold a secret go: stdout, never the JSON log. Tests provide a silent one. */
export const SECRET_ANNOUNCER = Symbol('SecretAnnouncer');
export type SecretAnnouncer = (line: string) => void;
/** Accounts from @planledger/auth: invitations, passwords, sign-in, sessions (provided by AuthModule). */
export const ACCOUNTS = Symbol('Accounts');
export const ACCESS_LOG = Symbol('AccessLog');
