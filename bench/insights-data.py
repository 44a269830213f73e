#!/usr/bin/env python3
"""Generates a province's ledger for the insights benchmark as CSV for PostgreSQL's COPY.

  insights-data.py --villages villages.csv --account ID --first-id N --count M --out DIR [--seed S]

villages.csv: "village_id,township_id" per line (the places the generator spreads cases
over). Writes DIR/case_file.csv, DIR/case_event.csv and DIR/callback_attempt.csv for the
cases with ids N .. N+M-1, received over the ten years before 2026-12-01 (Asia/Shanghai),
with titles, descriptions and search words from realistic Chinese templates, and lifecycles
drawn to look like a program that mostly works: most cases contacted and resolved on time,
some late, some overdue, a few declined, merged or reopened; callbacks with answers.
"""
import argparse
import csv
import datetime as dt
import os
import random

TEMPLATES = [
    ("SANITATION", "河边垃圾堆放", "河堤边的垃圾堆越来越大，垃圾堆旁边味道很重，希望尽快清运", ["河边", "垃圾", "堆放", "垃圾堆", "清运"]),
    ("SANITATION", "垃圾清运不及时", "村口垃圾点已经满了好几天，垃圾清运车没有来", ["垃圾", "清运", "不及时", "村口"]),
    ("ROADS", "进城道路坑洼积水", "去镇上的路有八百米坑洼，下雨天积水，电动车容易摔倒", ["道路", "坑洼", "积水", "进城"]),
    ("BRIDGES", "老石桥栏杆松动", "孩子上学经过的老石桥有两处栏杆松动，还有一道裂缝", ["石桥", "栏杆", "松动", "裂缝"]),
    ("WATER", "停水没有提前通知", "这个月停水三次都没有提前通知，老人做饭很不方便", ["停水", "通知", "自来水"]),
    ("WATER", "排水沟被堵", "邻居盖房挡住了排水沟，下雨时院子里积水", ["排水沟", "堵塞", "积水"]),
    ("PARKING", "周末钓鱼车辆堵路", "周末来钓鱼的车停在路边，把村道堵住了", ["停车", "钓鱼", "堵路", "车辆"]),
    ("PUBLIC_ORDER", "路口监控坏了", "村口路口的监控摄像头坏了很久", ["监控", "路口", "摄像头"]),
    ("NEIGHBOURS", "宅基地边界纠纷", "两户人家对宅基地边界有争议，已经吵了几次", ["宅基地", "纠纷", "边界"]),
    ("SOCIAL_SECURITY", "养老金三个月未发放", "老人的养老金已经三个月没有发放", ["养老金", "发放", "社保"]),
    ("AGRICULTURE", "灌溉渠需要清淤", "灌溉渠淤积严重，春耕前需要清淤", ["灌溉", "清淤", "春耕"]),
    ("OTHER", "路灯不亮", "村东头的三盏路灯坏了，晚上走路看不清", ["路灯", "不亮", "照明"]),
]
TYPES = ["HELP"] * 5 + ["COMPLAINT"] * 2 + ["INQUIRY", "SUGGESTION", "REPORT"]
SOURCES = ["MORNING_MEETING"] * 5 + ["INSPECTION", "OFFICIALS_LIST", "VILLAGER_FOLLOW_UP", "PHONE", "WALK_IN"]
ZONE = dt.timezone(dt.timedelta(hours=8))
END = dt.datetime(2026, 12, 1, tzinfo=ZONE)
START = END - dt.timedelta(days=3652)
SPAN = int((END - START).total_seconds())


def ts(t):
    return t.isoformat(sep=" ")


def working_days(start, n):
    day = start
    while n > 0:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            n -= 1
    return day


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--villages", required=True)
    p.add_argument("--account", type=int, required=True)
    p.add_argument("--first-id", type=int, required=True)
    p.add_argument("--count", type=int, required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--seed", type=int, default=1)
    a = p.parse_args()
    rnd = random.Random(a.seed * 1_000_003 + a.first_id)
    with open(a.villages) as f:
        villages = [tuple(int(x) for x in line.split(",")) for line in f if line.strip()]
    os.makedirs(a.out, exist_ok=True)
    cases = open(os.path.join(a.out, "case_file.csv"), "w", newline="")
    events = open(os.path.join(a.out, "case_event.csv"), "w", newline="")
    calls = open(os.path.join(a.out, "callback_attempt.csv"), "w", newline="")
    cw, ew, bw = csv.writer(cases), csv.writer(events), csv.writer(calls)
    for case_id in range(a.first_id, a.first_id + a.count):
        village, township = villages[rnd.randrange(len(villages))]
        category, title, description, words = TEMPLATES[rnd.randrange(len(TEMPLATES))]
        case_type = TYPES[rnd.randrange(len(TYPES))]
        urgency = "URGENT" if rnd.random() < 0.05 else "NORMAL"
        received = START + dt.timedelta(seconds=rnd.randrange(SPAN))
        contact_due = working_days(received, 1)
        resolution_due = received + dt.timedelta(hours=24) if urgency == "URGENT" else working_days(
            received, 3 if case_type in ("HELP", "INQUIRY") else 13)
        r = rnd.random()
        state, contacted, resolved, closed, satisfaction, reopened = "CLOSED", None, None, None, None, 0
        contacted = received + dt.timedelta(hours=rnd.choice([1, 2, 4, 8, 20]) if rnd.random() < 0.85 else rnd.randint(30, 120))
        resolved = received + (resolution_due - received) * rnd.uniform(0.2, 0.95) if rnd.random() < 0.8 \
            else resolution_due + dt.timedelta(hours=rnd.randint(2, 400))
        if resolved < contacted:
            resolved = contacted + dt.timedelta(hours=1)
        if r < 0.03:
            state, resolved, contacted = "DECLINED", None, None
        elif r < 0.05:
            state, resolved, contacted = "MERGED", None, None
        elif r < 0.12:
            state = rnd.choice(["RECEIVED", "ASSIGNED", "IN_PROGRESS", "REOPENED"])
            resolved = None
            if state == "RECEIVED":
                contacted = None
            if state == "REOPENED":
                reopened = 1
                contacted = None
        elif r < 0.20:
            state = "RESOLVED"
        if resolved is not None and resolved > END:
            state, resolved = "IN_PROGRESS", None
        if contacted is not None and contacted > END:
            contacted = None
            state = "ASSIGNED" if state not in ("DECLINED", "MERGED") else state
        seq = 1
        ew.writerow([case_id, 1, "RECEIVED", ts(received), a.account, "基准数据", "", "RECEIVED", "", "{}", "t"])
        last = received
        if state == "CLOSED":
            closed = resolved + dt.timedelta(hours=rnd.randint(20, 200))
            if closed > END:
                state, closed = "RESOLVED", None
            else:
                s = rnd.random()
                satisfaction = "SATISFIED" if s < 0.72 else ("BASICALLY_SATISFIED" if s < 0.92 else "UNSATISFIED")
        if resolved is not None:
            seq += 1
            ew.writerow([case_id, seq, "RESOLVED", ts(resolved), a.account, "基准数据", "IN_PROGRESS", "RESOLVED", "",
                         "{}", "t"])
            last = resolved
        if closed is not None:
            seq += 1
            ew.writerow([case_id, seq, "CLOSED", ts(closed), a.account, "基准数据", "RESOLVED", "CLOSED", "",
                         '{"satisfaction": "%s"}' % satisfaction, "f"])
            bw.writerow([case_id, 1, ts(closed), a.account, "基准数据", "t", satisfaction, ""])
            last = closed
        elif state == "RESOLVED" and rnd.random() < 0.3:
            bw.writerow([case_id, 1, ts(resolved + dt.timedelta(hours=30)), a.account, "基准数据", "f", "", ""])
        funding = rnd.random() < 0.04
        requested = rnd.choice([2000, 8000, 15000, 86000]) if funding else ""
        approved = requested if funding and rnd.random() < 0.7 else ""
        search = " ".join("'%s'" % w for w in words + [ch for w in words for ch in w])
        cw.writerow([case_id, "BX-%d-%08d" % (received.year, case_id), village, township, source(rnd), case_type,
                     category, urgency, title, description, title, state, ts(received), ts(contact_due),
                     ts(resolution_due), ts(contacted) if contacted else "", ts(resolved) if resolved else "",
                     ts(closed) if closed else "", "已办结" if resolved else "", satisfaction or "",
                     reopened, requested, approved, a.account, seq, ts(last), search])
    for f in (cases, events, calls):
        f.close()


def source(rnd):
    return SOURCES[rnd.randrange(len(SOURCES))]


if __name__ == "__main__":
    main()
