#!/usr/bin/python3
"""Walks the accessibility tree of a running kalito-inspector through AT-SPI, as a screen reader
would, and prints the conversation's messages and the health strip's figures.

Run by run.sh (Xvfb, a session bus, the AT-SPI bus, QT_LINUX_ACCESSIBILITY_ALWAYS_ON=1)."""
import sys
import time

import pyatspi


def find_app(name, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for app in desktop:
            if app is not None and name in (app.name or ""):
                return app
        time.sleep(0.5)
    return None


def walk(node, depth=0, out=None, limit=4000):
    if out is None:
        out = []
    if node is None or len(out) > limit:
        return out
    out.append((depth, node))
    try:
        count = node.childCount
    except Exception:
        return out
    # The conversation may hold thousands of messages: its first 200 are enough to read.
    for i in range(min(count, 200 if node.getRoleName() == "list" else count)):
        try:
            walk(node.getChildAtIndex(i), depth + 1, out, limit)
        except Exception:
            pass
    return out


def main():
    app = find_app(sys.argv[1] if len(sys.argv) > 1 else "kalito-inspector")
    if app is None:
        print("no kalito-inspector application on the AT-SPI bus")
        return 1
    nodes = walk(app)
    # Open the first session as a person would: a click on its row in the sessions list.
    tables = [n for d, n in nodes if n.getRoleName() in ("table", "tree table") and n.name == "Sessions"]
    if tables and tables[0].childCount > 0:
        table = tables[0]
        cell = None
        for i in range(table.childCount):
            c = table.getChildAtIndex(i)
            if c.getRoleName() in ("table cell",) and c.name:
                cell = c
                break
        if cell is not None:
            box = cell.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
            import subprocess
            subprocess.run(["xdotool", "mousemove", str(box.x + box.width // 2), str(box.y + box.height // 2), "click", "1"])
            print("clicked session row:", repr(cell.name))
            time.sleep(4)
            nodes = walk(app)
    print("application:", app.name, "-", len(nodes), "accessible objects")
    conversation = [n for d, n in nodes if n.getRoleName() == "list" and n.name == "Conversation"]
    if not conversation:
        print("no list named Conversation")
        return 1
    conv = conversation[0]
    print("Conversation: role", conv.getRoleName(), "children", conv.childCount, "description:", conv.description)
    shown = 0
    for i in range(conv.childCount):
        item = conv.getChildAtIndex(i)
        parts = [item.getChildAtIndex(k).name for k in range(item.childCount)]
        states = item.getState()
        if states.contains(pyatspi.STATE_SHOWING) or i >= conv.childCount - 3:
            print("  message %d [%s] author=%r time=%r text=%r" % (
                i + 1, item.getRoleName(), parts[0] if parts else None, parts[1] if len(parts) > 1 else None,
                (parts[2][:70] + "…") if len(parts) > 2 and len(parts[2]) > 70 else (parts[2] if len(parts) > 2 else None)))
            shown += 1
    print("messages read:", shown)
    # The keyboard: a click on the newest message, then Up twice; a reader hears each focus move.
    last = conv.getChildAtIndex(conv.childCount - 1)
    box = last.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    import subprocess
    from gi.repository import GLib
    heard = []

    def on_focus(event):
        if event.detail1 == 1 and event.source is not None and event.source.getRoleName() == "list item":
            heard.append(event.source.name)

    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    subprocess.run(["xdotool", "mousemove", str(box.x + box.width // 2), str(box.y + 8), "click", "1"])

    def press():
        subprocess.run(["xdotool", "key", "Up", "sleep", "0.5", "key", "Up"])
        return False

    GLib.timeout_add(800, press)
    GLib.timeout_add(4000, lambda: pyatspi.Registry.stop() or False)
    pyatspi.Registry.start()
    for name in heard:
        print("focus event on:", repr(name[:90] + ("…" if len(name) > 90 else "")))
    print("focus events heard:", len(heard))
    labels = [n for d, n in nodes if n.getRoleName() == "label" and (n.name or "").startswith(("-wal", "no -wal", "backlog", "no readers", "1 reader"))]
    for n in labels:
        print("health figure:", repr(n.name), "-", n.description[:80])
    unnamed = [n for d, n in nodes if n.getRoleName() in ("push button", "check box", "combo box", "text", "table", "list", "tree table", "page tab list")
               and not (n.name or "").strip() and n.getState().contains(pyatspi.STATE_SHOWING)]
    print("controls shown without a name:", len(unnamed))
    for n in unnamed[:20]:
        print("  unnamed", n.getRoleName(), "in", n.parent.name if n.parent else None, "holding", [n.getChildAtIndex(k).name for k in range(min(n.childCount, 6))])
    return 0


if __name__ == "__main__":
    sys.exit(main())
