#!/usr/bin/python3
"""Drives the page of a running `controlmap serve` in headless Chromium over the DevTools protocol.

Loads the page, moves the date slider with the keyboard, switches the language, shows a diff, opens the embed
page, edits the scenario folder (a good edit, then a broken one), and checks that the map image changes each time
and that no request leaves the server. Screenshots go to OUTPUT_DIR.

    scripts/page-check.py http://127.0.0.1:18080 OUTPUT_DIR SCENARIO_DIR
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request

import websocket  # Debian: python3-websocket

BASE, OUTPUT, SCENARIO = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


class Browser:
    def __init__(self):
        self.profile = tempfile.mkdtemp(prefix="controlmap-chromium-")
        self.process = subprocess.Popen(
            ["chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-default-apps", "--hide-scrollbars", "--window-size=1280,1400",
             f"--user-data-dir={self.profile}", "--remote-debugging-port=0", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(self.profile, "DevToolsActivePort")
        for _ in range(300):
            if os.path.exists(port_file) and open(port_file).read().strip():
                break
            time.sleep(0.1)
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list"))
        page = next(t for t in targets if t["type"] == "page")
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=60)
        self.next_id = 0
        self.requests = []
        for domain in ("Page", "Network", "Runtime"):
            self.call(f"{domain}.enable")

    def call(self, method, **params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("method") == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, what, seconds=120):
        deadline = time.time() + seconds
        while time.time() < deadline:
            value = self.evaluate(f"(() => {{ try {{ return ({expression}); }} catch (error) {{ return false; }} }})()")
            if value:
                return value
            time.sleep(0.2)
        raise SystemExit(f"page-check: timed out waiting for {what}")

    def screenshot(self, name):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        path = os.path.join(OUTPUT, name)
        with open(path, "wb") as file:
            file.write(base64.b64decode(data))
        print(f"page-check: screenshot {path}")

    def close(self):
        self.socket.close()
        self.process.terminate()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def map_state(browser, element="map"):
    return browser.evaluate(f"(() => {{ const m = document.getElementById('{element}'); "
                            "return {url: m.dataset.loaded || '', etag: m.dataset.etag || ''}; })()")


def wait_for_new_map(browser, previous, what, element="map"):
    browser.wait_for(f"(document.getElementById('{element}').dataset.loaded || '') !== {json.dumps(previous['url'])}"
                     f" && document.getElementById('{element}').complete", what)
    state = map_state(browser, element)
    if state["etag"] == previous["etag"]:
        raise SystemExit(f"page-check: the image did not change after {what}: {state}")
    print(f"page-check: {what}: {state['url']} {state['etag']}")
    return state


def main():
    failures = []
    browser = Browser()
    try:
        browser.call("Page.navigate", url=BASE + "/")
        browser.wait_for("document.getElementById('map') && document.getElementById('map').dataset.loaded"
                         " && document.getElementById('map').complete", "the first map")
        first = map_state(browser)
        print(f"page-check: first map {first['url']} {first['etag']}")
        browser.screenshot("page-1-loaded.png")

        browser.evaluate("document.getElementById('date').focus()")
        for _ in range(4):
            for kind in ("keyDown", "keyUp"):
                browser.call("Input.dispatchKeyEvent", type=kind, key="ArrowLeft", code="ArrowLeft",
                             windowsVirtualKeyCode=37)
        moved = wait_for_new_map(browser, first, "moving the date slider")
        if "date=" + browser.evaluate("document.getElementById('date-label').textContent") not in moved["url"]:
            failures.append("the map's date is not the slider's")
        browser.screenshot("page-2-slider.png")

        box = browser.evaluate("(() => { const r = document.querySelector('input[name=lang][value=ar]')"
                               ".getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2]; })()")
        for kind in ("mousePressed", "mouseReleased"):
            browser.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)
        arabic = wait_for_new_map(browser, moved, "switching the language to Arabic")
        if "lang=ar" not in arabic["url"]:
            failures.append("the language switch did not ask for an Arabic map")
        browser.screenshot("page-3-arabic.png")

        browser.evaluate("document.getElementById('from').value = '2024-11-26';"
                         "document.getElementById('to').value = '2024-11-30';"
                         "document.getElementById('show-diff').click()")
        browser.wait_for("document.getElementById('diff-map').dataset.loaded && "
                         "document.getElementById('diff-map').complete && "
                         "document.getElementById('changes').rows.length > 1", "the diff")
        rows = browser.evaluate("document.getElementById('changes').rows.length - 1")
        print(f"page-check: the diff lists {rows} places")
        browser.screenshot("page-4-diff.png")

        claims = os.path.join(SCENARIO, "claims.csv")
        original = open(claims, encoding="utf-8").read()
        last_row = original.rstrip("\n").split("\n")[-1]
        count = browser.evaluate("Number(document.getElementById('date').max)")
        with open(claims, "w", encoding="utf-8") as file:
            file.write(original + last_row.replace("2024-12-08", "2024-12-09") + "\n")
        browser.wait_for(f"Number(document.getElementById('date').max) > {count}", "the edited claims on the page",
                         seconds=240)
        print("page-check: an added date appeared on the page after the edit")
        with open(claims, "w", encoding="utf-8") as file:
            file.write(original + "2024-12-10,Nowhereville,hts,control,X,https://example.org,\n")
        browser.wait_for("!document.getElementById('problems').hidden", "the problems of a broken edit", seconds=240)
        problems = browser.evaluate("document.getElementById('problems').textContent")
        if "Nowhereville" not in problems:
            failures.append(f"the broken edit's problem is not shown: {problems}")
        browser.screenshot("page-5-broken-edit.png")
        with open(claims, "w", encoding="utf-8") as file:
            file.write(original)
        browser.wait_for("document.getElementById('problems').hidden", "the problems to clear", seconds=240)

        browser.call("Page.navigate", url=BASE + "/embed?date=2024-11-30&view=northwest&lang=both")
        browser.wait_for("location.pathname === '/embed' && document.getElementById('map').dataset.loaded"
                         " && document.getElementById('map').complete", "the embedded map")
        browser.screenshot("page-6-embed.png")
    finally:
        browser.close()

    outside = sorted({url for url in browser.requests
                      if not (url.startswith(BASE + "/") or url.startswith(("blob:", "data:", "about:")))})
    print(f"page-check: {len(browser.requests)} requests, {len(outside)} to other servers")
    if outside:
        failures.append("requests left the server: " + ", ".join(outside))
    for failure in failures:
        print(f"page-check: FAILED: {failure}", file=sys.stderr)
    sys.exit(1 if failures else 0)


main()
