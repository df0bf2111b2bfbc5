package dev.interleave.mp;

/** Starts one child and exits with its exit code; run with JAVA_TOOL_OPTIONS set. */
public final class ToolOptionsMain {
  private ToolOptionsMain() {}

  public static void main(String[] args) throws Exception {
    Process p = new Process(ChildFixtures::print, "child ran");
    p.start();
    p.join();
    System.exit(p.exitCode().orElse(99));
  }
}
