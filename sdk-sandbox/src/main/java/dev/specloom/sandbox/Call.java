package dev.specloom.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One routed request: the path params by name, the raw query pairs (a {@code where} filter may repeat), and
 * {@code request}: path params, query and body merged under their wire names, what {@code ${request...}} reads.
 */
record Call(Map<String, String> pathParams, List<String[]> query, Map<String, Object> body, Map<String, Object> request) {}
