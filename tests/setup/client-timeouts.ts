import { configure } from "@testing-library/react";

/**
 * Testing Library's 1 s wait for an element is too short on a loaded CI machine: a round-timer test once took 1.07 s
 * to show its results while the host was busy. Waiting longer costs nothing when the element comes; the test's own
 * timeout stays above it, so a real failure still reports which element never came.
 */
configure({ asyncUtilTimeout: 4_000 });
