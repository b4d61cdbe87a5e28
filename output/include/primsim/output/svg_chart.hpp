// A small SVG plot with linear axes: enough for the report's line, band and bar charts without
// a JavaScript library, so that the report opens offline and prints.
#pragma once

#include <string>
#include <vector>

namespace primsim::output {

class SvgChart {
 public:
  // Plot area inside fixed margins; `id` becomes the <svg> element's id.
  SvgChart(std::string id, std::string title, double width, double height);

  void set_x_axis(double min, double max, std::string label);
  // tick_format "percent" shows 0.5 as 50%, "count" with thousands separators.
  void set_y_axis(double min, double max, std::string label, std::string tick_format = "count");

  void add_band(const std::vector<double>& xs, const std::vector<double>& lows,
                const std::vector<double>& highs, const std::string& colour, const std::string& legend);
  void add_line(const std::vector<double>& xs, const std::vector<double>& ys, const std::string& colour,
                const std::string& legend);
  // Raw SVG in plot coordinates' pixel space, for charts the helpers do not cover (bars).
  void add_markup(std::string markup) { body_ += std::move(markup); }

  // Pixel position of a data value.
  [[nodiscard]] double x_pixel(double x) const;
  [[nodiscard]] double y_pixel(double y) const;
  [[nodiscard]] double left() const { return left_; }
  [[nodiscard]] double right() const { return width_ - right_margin_; }
  [[nodiscard]] double top() const { return top_; }
  [[nodiscard]] double bottom() const { return height_ - bottom_margin_; }

  [[nodiscard]] std::string render(bool with_axes = true) const;

 private:
  std::string id_;
  std::string title_;
  double width_;
  double height_;
  double left_ = 90;
  double top_ = 40;
  double right_margin_ = 30;
  double bottom_margin_ = 50;
  double x_min_ = 0, x_max_ = 1, y_min_ = 0, y_max_ = 1;
  std::string x_label_, y_label_, y_format_ = "count";
  std::string body_;
  std::vector<std::pair<std::string, std::string>> legend_;  // colour, text
};

// Escapes &, <, >, " for HTML text and attributes.
std::string html_escape(const std::string& text);

// A step of 1, 2 or 5 times a power of ten giving about `ticks` intervals over `range`.
double nice_step(double range, int ticks);

}  // namespace primsim::output
