package dev.interleave.reports.html;

/** Helpers for the inline SVG figures. */
final class Svg {
  static final String NS = "http://www.w3.org/2000/svg";

  private Svg() {}

  /** Opens an {@code <svg>} of the given size with an accessible name. */
  static Html open(String cssClass, double width, double height, String label) {
    Html svg = new Html();
    String w = Format.coord(width);
    String h = Format.coord(height);
    svg.open(
        "svg",
        "xmlns",
        NS,
        "class",
        cssClass,
        "width",
        w,
        "height",
        h,
        "viewBox",
        "0 0 " + w + " " + h,
        "role",
        "img",
        "aria-label",
        label);
    svg.element("title", label);
    return svg;
  }

  static void text(Html svg, double x, double y, String css, String anchor, String text) {
    svg.element(
        "text",
        text,
        "x",
        Format.coord(x),
        "y",
        Format.coord(y),
        "class",
        css,
        "text-anchor",
        anchor);
  }

  static void line(Html svg, double x1, double y1, double x2, double y2, String css) {
    svg.empty(
        "line",
        "x1",
        Format.coord(x1),
        "y1",
        Format.coord(y1),
        "x2",
        Format.coord(x2),
        "y2",
        Format.coord(y2),
        "class",
        css);
  }

  static void rect(Html svg, double x, double y, double w, double h, String css) {
    svg.empty(
        "rect",
        "x",
        Format.coord(x),
        "y",
        Format.coord(y),
        "width",
        Format.coord(w),
        "height",
        Format.coord(h),
        "class",
        css);
  }
}
