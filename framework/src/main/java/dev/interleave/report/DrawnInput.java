package dev.interleave.report;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * One generated input of a schedule, as the test drew it.
 *
 * @param name the name the test gave the draw, for example {@code "processes"}
 * @param value the drawn value as text, for example {@code "10"}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record DrawnInput(String name, String value) {

  /** Checks the arguments. */
  public DrawnInput {
    Checks.required("name", name);
    Checks.required("value", value);
  }
}
