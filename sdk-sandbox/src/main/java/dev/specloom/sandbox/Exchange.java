package dev.specloom.sandbox;

/**
 * One request a simulator received and what it answered: the function it routed to (null when none), the
 * method, the path with its query as sent, the body as sent, the answer's status (0 for a dropped connection)
 * and the answer's body as sent (empty when there was none).
 */
public record Exchange(String function, String method, String target, String body, int status, String answer) {}
