// Axes, ticks, lines and bands as SVG text. Coordinates are rounded to 0.1 px to keep the file
// small; the report stays well under a megabyte for thousands of minutes of platform data.
#include "primsim/output/svg_chart.hpp"

#include <cmath>

#include <fmt/format.h>

#include "primsim/output/headline.hpp"

namespace primsim::output {

std::string html_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

double nice_step(double range, int ticks) {
  if (!(range > 0)) return 1.0;
  const double raw = range / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  const double fraction = raw / power;
  const double nice = fraction < 1.5 ? 1.0 : fraction < 3.5 ? 2.0 : fraction < 7.5 ? 5.0 : 10.0;
  return nice * power;
}

SvgChart::SvgChart(std::string id, std::string title, double width, double height)
    : id_(std::move(id)), title_(std::move(title)), width_(width), height_(height) {}

void SvgChart::set_x_axis(double min, double max, std::string label) {
  x_min_ = min;
  x_max_ = max > min ? max : min + 1;
  x_label_ = std::move(label);
}

void SvgChart::set_y_axis(double min, double max, std::string label, std::string tick_format) {
  y_min_ = min;
  y_max_ = max > min ? max : min + 1;
  y_label_ = std::move(label);
  y_format_ = std::move(tick_format);
}

double SvgChart::x_pixel(double x) const {
  return left_ + (x - x_min_) / (x_max_ - x_min_) * (right() - left_);
}

double SvgChart::y_pixel(double y) const {
  return bottom() - (y - y_min_) / (y_max_ - y_min_) * (bottom() - top_);
}

void SvgChart::add_band(const std::vector<double>& xs, const std::vector<double>& lows,
                        const std::vector<double>& highs, const std::string& colour,
                        const std::string& legend) {
  std::string points;
  for (std::size_t i = 0; i < xs.size(); ++i)
    points += fmt::format("{:.1f},{:.1f} ", x_pixel(xs[i]), y_pixel(highs[i]));
  for (std::size_t i = xs.size(); i-- > 0;)
    points += fmt::format("{:.1f},{:.1f} ", x_pixel(xs[i]), y_pixel(lows[i]));
  body_ += fmt::format(
      "<polygon class=\"band\" points=\"{}\" fill=\"{}\" fill-opacity=\"0.3\" stroke=\"none\"/>\n", points,
      colour);
  legend_.emplace_back(colour, legend);
}

void SvgChart::add_line(const std::vector<double>& xs, const std::vector<double>& ys,
                        const std::string& colour, const std::string& legend) {
  std::string points;
  for (std::size_t i = 0; i < xs.size(); ++i)
    points += fmt::format("{:.1f},{:.1f} ", x_pixel(xs[i]), y_pixel(ys[i]));
  body_ +=
      fmt::format("<polyline class=\"line\" points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\"/>\n",
                  points, colour);
  legend_.emplace_back(colour, legend);
}

std::string SvgChart::render(bool with_axes) const {
  std::string svg = fmt::format(
      "<svg id=\"{}\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{:.0f}\" height=\"{:.0f}\" "
      "viewBox=\"0 0 {:.0f} {:.0f}\" role=\"img\" aria-label=\"{}\">\n"
      "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
      "<text x=\"{:.0f}\" y=\"22\" class=\"title\">{}</text>\n",
      id_, width_, height_, width_, height_, html_escape(title_), left_, html_escape(title_));
  if (with_axes) {
    const double x_step = nice_step(x_max_ - x_min_, 8);
    for (double x = std::ceil(x_min_ / x_step) * x_step; x <= x_max_ + 1e-9; x += x_step) {
      svg += fmt::format(
          "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{1:.1f}\" y2=\"{2:.1f}\" stroke=\"#e3e3e3\"/>"
          "<text x=\"{0:.1f}\" y=\"{3:.1f}\" text-anchor=\"middle\">{4}</text>\n",
          x_pixel(x), top_, bottom(), bottom() + 16, format_value(x, ValueKind::count));
    }
    const double y_step = nice_step(y_max_ - y_min_, 5);
    for (double y = std::ceil(y_min_ / y_step) * y_step; y <= y_max_ + 1e-9; y += y_step) {
      const std::string tick =
          y_format_ == "percent" ? fmt::format("{:.0f}%", 100 * y) : format_value(y, ValueKind::count);
      svg += fmt::format(
          "<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#e3e3e3\"/>"
          "<text x=\"{3:.1f}\" y=\"{4:.1f}\" text-anchor=\"end\">{5}</text>\n",
          left_, right(), y_pixel(y), left_ - 6, y_pixel(y) + 4, tick);
    }
    svg += fmt::format(
        "<line x1=\"{0:.1f}\" x2=\"{1:.1f}\" y1=\"{2:.1f}\" y2=\"{2:.1f}\" stroke=\"#444\"/>"
        "<line x1=\"{0:.1f}\" x2=\"{0:.1f}\" y1=\"{3:.1f}\" y2=\"{2:.1f}\" stroke=\"#444\"/>\n"
        "<text x=\"{4:.1f}\" y=\"{5:.1f}\" text-anchor=\"middle\">{6}</text>\n"
        "<text transform=\"translate(18 {7:.1f}) rotate(-90)\" text-anchor=\"middle\">{8}</text>\n",
        left_, right(), bottom(), top_, (left_ + right()) / 2, height_ - 12, html_escape(x_label_),
        (top_ + bottom()) / 2, html_escape(y_label_));
  }
  svg += body_;
  double legend_x = right();
  for (auto it = legend_.rbegin(); it != legend_.rend(); ++it) {
    legend_x -= 14.0 + 7.0 * static_cast<double>(it->second.size()) + 16.0;
    svg += fmt::format(
        "<rect x=\"{:.1f}\" y=\"12\" width=\"12\" height=\"12\" fill=\"{}\"/>"
        "<text x=\"{:.1f}\" y=\"22\">{}</text>\n",
        legend_x, it->first, legend_x + 16, html_escape(it->second));
  }
  svg += "</svg>\n";
  return svg;
}

}  // namespace primsim::output
