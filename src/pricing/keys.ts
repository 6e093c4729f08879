/** A price key: lower-case `service:item[:option…]` with a dot-free service (the snapshot's `keyScheme`). */
export const PRICE_KEY_PATTERN = /^[a-z0-9-]+(:[a-z0-9.-]+)+$/;
