/**
 * The spec model: immutable records for a provider spec as loaded and validated, and indexes derived from it once
 * (pagination, HTTP bindings, wire-name paths, constraints), so no consumer works a rule out again.
 */
package dev.specloom.model;
