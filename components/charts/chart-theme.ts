/**
 * Shared chart colours, all through CSS variables so light and dark both work. One colour, one
 * meaning: Kafka is orange and the warehouse slate everywhere; other series (the device mix's
 * "top spenders" and "all customers") get hues of their own. Text sizes: use-chart-text.ts.
 */
export const KAFKA_COLOR = "var(--kf)";
export const WAREHOUSE_COLOR = "var(--wh)";
export const TOP_SPENDERS_COLOR = "var(--mix-top)";
export const ALL_CUSTOMERS_COLOR = "var(--mix-all)";
