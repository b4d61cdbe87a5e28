// The classroom page of `primsim serve` in Debian's headless Chromium, driven by puppeteer-core:
// loads the page, shows that a bad value gets the CLI's own message beside its control, changes
// the list's places and runs, checks that the list and the charts change, measures the time from
// pressing Run to the new list, and checks that the screenshot is not blank.
// Usage: node classroom_in_chromium.mjs PRIMSIM SCENARIO.yaml WORK_DIR [CHROMIUM]
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

let puppeteer;
try {
  puppeteer = (await import("puppeteer-core")).default;
} catch (error) {
  console.error("puppeteer-core is not installed in tests/serve: run scripts/setup.sh (npm ci there)");
  process.exit(1);
}

const [primsim, scenario, work, chromium = "/usr/bin/chromium"] = process.argv.slice(2);
fs.mkdirSync(work, { recursive: true });

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The server prints its address once the unchanged scenario has run and the port is bound.
function startServer() {
  const server = spawn(primsim, ["serve", scenario, "--port", "0", "--replicates", "4"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  server.stderr.on("data", (chunk) => (stderr += chunk));
  const address = new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error("primsim serve printed no address in 20 s:\n" + stderr)), 20000);
    server.stdout.on("data", (chunk) => {
      stdout += chunk;
      const found = stdout.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (found) {
        clearTimeout(timer);
        resolve(found[0]);
      }
    });
    server.on("exit", (code) => reject(new Error(`primsim serve exited with ${code}:\n${stderr}`)));
  });
  return { server, address, stderr: () => stderr };
}

async function stopServer(server) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  const timer = setTimeout(() => server.kill("SIGKILL"), 5000);
  await exited;
  clearTimeout(timer);
}

// The colours of a PNG (8-bit RGB or RGBA, as Chromium writes them), decoded with node's zlib:
// the number of distinct colours and the share of pixels that are not white.
function pngColours(file) {
  const data = fs.readFileSync(file);
  let offset = 8;
  let width = 0, height = 0, channels = 0;
  const idat = [];
  while (offset < data.length) {
    const length = data.readUInt32BE(offset);
    const type = data.toString("latin1", offset + 4, offset + 8);
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      check(body[8] === 8, "the screenshot is not an 8-bit PNG");
      channels = body[9] === 6 ? 4 : body[9] === 2 ? 3 : 0;
      check(channels > 0, `the screenshot's PNG colour type ${body[9]} is not RGB or RGBA`);
    } else if (type === "IDAT") {
      idat.push(body);
    }
    offset += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  let previous = Buffer.alloc(stride);
  const colours = new Set();
  let coloured = 0;
  for (let row = 0; row < height; row++) {
    const filter = raw[row * (stride + 1)];
    const line = Buffer.from(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = previous[i];
      const c = i >= channels ? previous[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = a;
      else if (filter === 2) predictor = b;
      else if (filter === 3) predictor = (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      line[i] = (line[i] + predictor) & 0xff;
    }
    for (let i = 0; i < stride; i += channels) {
      const rgb = (line[i] << 16) | (line[i + 1] << 8) | line[i + 2];
      colours.add(rgb);
      if (rgb !== 0xffffff) coloured++;
    }
    previous = line;
  }
  return { width, height, colours: colours.size, coloured: coloured / (width * height) };
}

const { server, address, stderr } = startServer();
let browser;
let failed = false;
try {
  const url = await address;
  const origin = new URL(url).origin;
  browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", `--user-data-dir=${path.join(work, "profile")}`],
  });
  const page = await browser.newPage();
  await page.setViewport({ width: 1200, height: 900 });
  const elsewhere = [];
  page.on("request", (request) => {
    if (!request.url().startsWith(origin + "/")) elsewhere.push(request.url());
  });
  const consoleErrors = [];
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  page.on("console", (message) => {
    // The refused bad value is answered 400 on purpose; Chromium logs every 4xx response.
    if (message.type() === "error" && !/status of 400/.test(message.text())) consoleErrors.push(message.text());
  });

  await page.goto(url, { waitUntil: "networkidle0" });
  await page.waitForSelector("body[data-ready=true]", { timeout: 10000 });
  const before = await page.evaluate(() => ({
    list: document.querySelectorAll("#list tbody tr").length,
    listText: document.querySelector("#list tbody").textContent,
    funnel: document.querySelector("#chart-funnel svg").outerHTML,
    regions: document.querySelector("#chart-regions svg").outerHTML,
    controls: Array.from(document.querySelectorAll("#fieldsets [data-key]")).map((e) => e.dataset.key),
  }));
  check(before.list === 8, `the unchanged list has ${before.list} places, expected the scenario's 8`);
  for (const key of ["selection.stages.members_vote.selectorate.kind", "selection.stages.members_vote.rule.kind",
    "selection.stages.conferences.rule.quotas[0].min_share", "voting.channels.online.capacity",
    "candidacy.offices.majilis.places"]) {
    check(before.controls.includes(key), `no control for ${key}; the page has ${before.controls.join(", ")}`);
  }
  const unlabelled = await page.$$eval("#fieldsets [data-key]",
    (inputs) => inputs.filter((input) => !document.querySelector(`label[for="${input.id}"]`)).map((input) => input.id));
  check(unlabelled.length === 0, `controls without a label: ${unlabelled.join(", ")}`);
  const id = (key) => "#control-" + key.replace(/[^A-Za-z0-9_-]/g, "_");
  const capacity = id("voting.channels.online.capacity");
  const places = id("candidacy.offices.majilis.places");

  // A bad value: the message beside the control is the one `primsim run --set` prints.
  const cli = spawnSync(primsim, ["run", scenario, "-o", path.join(work, "refused.h5"), "--replicates", "4",
    "--set", "voting.channels.online.capacity=lots"], { encoding: "utf8" });
  check(cli.status === 2, `primsim run with a bad capacity exited ${cli.status}, expected 2`);
  await page.click(capacity, { clickCount: 3 });
  await page.type(capacity, "lots");
  await page.click("#run");
  await page.waitForSelector(capacity + "-error:not([hidden])", { timeout: 5000 });
  const shown = await page.$eval(capacity + "-error", (e) => e.textContent);
  const invalid = await page.$eval(capacity, (e) => e.getAttribute("aria-invalid"));
  check(cli.stderr.trim() === "primsim: " + shown.trim(),
    `the page says\n  ${shown}\nbeside the capacity, the CLI says\n  ${cli.stderr.trim()}`);
  check(invalid === "true", "the bad control is not marked aria-invalid");
  console.log(`bad value: the page shows the CLI's message: ${shown}`);

  // A good change: a list of 12 places instead of 8, and a platform too small for the vote, whose
  // failed logins spread the replicates' turnout into a band one can see.
  await page.click(capacity, { clickCount: 3 });
  await page.type(capacity, "10");
  await page.click(places, { clickCount: 3 });
  await page.type(places, "12");
  // From the keyboard: Enter in a field submits the form, as Run does.
  await page.focus(places);
  const pressed = Date.now();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /^\d+$/.test(document.querySelector("#list").dataset.job || ""), { timeout: 15000 });
  const seconds = (Date.now() - pressed) / 1000;
  const after = await page.evaluate(() => ({
    list: document.querySelectorAll("#list tbody tr").length,
    why: Array.from(document.querySelectorAll("#list tbody tr td:last-child")).map((e) => e.textContent),
    funnel: document.querySelector("#chart-funnel svg").outerHTML,
    regions: document.querySelector("#chart-regions svg").outerHTML,
    bands: document.querySelectorAll("#chart-turnout polygon.band").length,
    turnoutLegend: document.querySelector("#chart-turnout svg").textContent,
    comparison: document.querySelectorAll("#comparison tbody tr").length,
    comparisonNote: document.querySelector("#comparison-note").textContent,
    offices: Array.from(document.querySelectorAll("#offices tbody tr")).map((r) => r.textContent),
    errorHidden: document.querySelector("#form-error").hidden,
    status: document.querySelector("#status").textContent,
  }));
  check(after.list === 12, `the new list has ${after.list} places, expected 12`);
  check(after.why.every((text) => text.length > 0), "a place on the list says nothing on why it was selected");
  check(after.funnel !== before.funnel, "the funnel chart did not change after the run");
  check(after.regions !== before.regions, "the chart of the list by region did not change after the run");
  check(after.bands === 2, `the turnout chart has ${after.bands} shaded bands, expected 2 (unchanged and this run)`);
  check(/range: lowest to highest replicate/.test(after.turnoutLegend), "the turnout band has no legend");
  check(after.comparison > 3, `the comparison table has ${after.comparison} rows`);
  check(/paired/.test(after.comparisonNote), `the comparison is not paired: ${after.comparisonNote}`);
  check(after.offices.length === 2 && after.offices[0].startsWith("majilis12"),
    `the per-office table does not show 12 majilis places: ${after.offices.join(" | ")}`);
  check(after.errorHidden, "the bad value's message is still shown after a good run");
  console.log(`status: ${after.status}`);
  console.log(`time from pressing Run to the new list (4 replicates of 20,000 members): ${seconds.toFixed(2)} s`);

  // Cancel: a run cancelled at once ends cancelled, and the page is ready for the next one.
  await page.click(places, { clickCount: 3 });
  await page.type(places, "10");
  // The page clicks Cancel itself the moment the button is enabled: a run of 4 replicates takes
  // about 0.3 s, and a click from here, a round trip later, could arrive after it finished.
  await page.evaluate(() => {
    const cancel = document.querySelector("#cancel");
    const observer = new MutationObserver(() => {
      if (!cancel.disabled) {
        observer.disconnect();
        cancel.click();
      }
    });
    observer.observe(cancel, { attributes: true, attributeFilter: ["disabled"] });
  });
  const statusBefore = await page.$eval("#status", (e) => e.textContent);
  await page.click("#run");
  await page.waitForFunction(
    (previous) => {
      const text = document.querySelector("#status").textContent;
      return text !== previous && /cancelled|finished|failed/.test(text);
    },
    { timeout: 15000 }, statusBefore);
  const cancelled = await page.$eval("#status", (e) => e.textContent);
  check(/cancelled/.test(cancelled), `after Cancel the status says: ${cancelled}`);
  const listAfterCancel = await page.$$eval("#list tbody tr", (rows) => rows.length);
  check(listAfterCancel === 12, "a cancelled run replaced the list");

  const screenshot = path.join(work, "classroom.png");
  await page.screenshot({ path: screenshot, fullPage: true });
  const colours = pngColours(screenshot);
  check(colours.colours >= 20 && colours.coloured > 0.03,
    `the screenshot looks blank: ${colours.colours} colours, ${(100 * colours.coloured).toFixed(1)}% not white`);
  console.log(`screenshot: ${screenshot} (${colours.width}x${colours.height}, ${colours.colours} colours, ` +
    `${(100 * colours.coloured).toFixed(1)}% not white)`);
  const turnoutShot = path.join(work, "classroom-turnout.png");
  await (await page.$("#chart-turnout")).screenshot({ path: turnoutShot });
  console.log(`turnout chart: ${turnoutShot}`);
  check(elsewhere.length === 0, `the page asked for something other than the server: ${elsewhere.join(", ")}`);
  check(consoleErrors.length === 0, `the page logged errors: ${consoleErrors.join(" | ")}`);
} catch (error) {
  failed = true;
  console.error(`FAILED: ${error.message}`);
  if (stderr()) console.error(`primsim serve said:\n${stderr()}`);
} finally {
  if (browser) await browser.close().catch(() => {});
  await stopServer(server);
}
process.exit(failed ? 1 : 0);
