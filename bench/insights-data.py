#!/usr/bin/env python3
"""Generates a province and its ledger for the insights benchmark, as CSV for PostgreSQL's COPY.

  insights-data.py setup --district ID --out DIR [--seed S] [--rotation R]
  insights-data.py cases --account ID --first-id N --count M --out DIR [--seed S] [--rotation R]
  insights-data.py setup --columns        # the tables it writes and their COPY columns, one a line
  insights-data.py cases --columns

setup: the province, once: 1,000 streets (township) of 20 villages, one street office per
street and 40 district and provincial bureaus (unit), 60 members per street (member), ten
years of weekly terms (term, term_member: 520 ISO weeks ending with the week of 2026-11-30; a
village has a term one week in R, by a rotation, each with three of its street's members, one
the lead, nobody in two terms of a week), a troubleshooter per street and week
(troubleshooter_duty) and the diaries of every term member's working days (diary_entry, about
92 % written).

cases: the cases with ids N .. N+M-1 (case_file, case_event, callback_attempt), received over
the ten years before 2026-12-01 (Asia/Shanghai), with titles, descriptions and search words
from realistic Chinese templates, and lifecycles drawn to look like a program that mostly
works: most cases contacted and resolved on time, some late, some overdue, a few declined,
merged or reopened; callbacks with answers. A case from a morning meeting or an inspection
belongs to a term of its village (received in the term's week, recorded by one of its
members); a third of the assigned cases are referred to a unit (the street office or the
bureau of the category), the others to a term member or the village committee.

Every id is computed from the place, the week and the member's number (ids from 100,000,000,
see BASE), so the cases need no state from the setup; the same seed gives the same rows. DIR
may hold named pipes (the benchmark streams into one psql per table) or be a directory for
plain files (created).
"""
import argparse
import csv
import datetime as dt
import os
import random
import sys

BASE = 100_000_000
STREETS = 1000
VILLAGES_PER_STREET = 20
VILLAGES = STREETS * VILLAGES_PER_STREET
MEMBERS_PER_STREET = 60
WEEKS = 520
TEAM = 3

# time as seconds since a Monday midnight in Asia/Shanghai (UTC+8, no daylight saving)
EPOCH = dt.date(2016, 1, 4)
DAY = 86400
END = (dt.date(2026, 12, 1) - EPOCH).days * DAY
START = END - 3652 * DAY
SPAN = END - START
LAST_WEEK = dt.date(2026, 11, 30)
FIRST_WEEK_DAY = (LAST_WEEK - EPOCH).days - 7 * (WEEKS - 1)
_DAYS = [(EPOCH + dt.timedelta(days=d)).isoformat() for d in range(4200)]


def ts(sec):
    d, r = divmod(sec, DAY)
    return "%s %02d:%02d:%02d+08" % (_DAYS[d], r // 3600, r // 60 % 60, r % 60)


def week_day(w):
    """The day number (since EPOCH) of week w's Monday."""
    return FIRST_WEEK_DAY + 7 * w


def working_days(sec, n):
    d = sec // DAY
    while n > 0:
        sec += DAY
        d += 1
        if d % 7 < 5:
            n -= 1
    return sec


# --- templates --------------------------------------------------------------------------

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
TERM_SOURCES = ("MORNING_MEETING", "INSPECTION")

# streets: 40 x 25 two-character names (1,000, all different)
STREET_FIRST = "东西南北中新老上下前后大小长高平安宁永兴和福康泰金银龙凤青白红黄石河湖江山桥松柏"
STREET_SECOND = "华兴安宁城山河湖桥林园港湾阳明光丰盛泰康乐源岭口庄"
VILLAGE_FIRST = ["张家", "李家", "王家", "刘家", "陈家", "杨家", "赵家", "周家", "吴家", "徐家", "孙家", "马家",
                 "朱家", "胡家", "郭家", "何家", "高家", "罗家", "梁家", "宋家", "东", "西", "南", "北", "前", "后",
                 "大", "小", "新", "老", "上", "下", "石", "柳", "桃", "杏", "枣", "松", "竹", "梅"]
VILLAGE_SECOND = ["湾", "庄", "岗", "店", "桥", "坝", "营", "洼", "圩", "集", "坪", "冲", "塘", "岭", "寨", "墩",
                  "河", "沟", "坡", "埠"]

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任"
            "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
GIVEN_M = "伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘"
GIVEN_F = "秀娟英华慧巧美娜静淑惠珠翠雅芝玉萍红娥玲芬芳燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛艳瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影荔枝丽阳妮宝贝初程梵罡恒鸿桦骅剑娇纪宽苛灵玛媚琪晴容睿烁堂唯威韦雯苇萱阅彦宇雨洋忠宗曼紫逸贤蝶菡绿蓝儿翠烟"
SKILLS = ["农业技术", "水利工程", "法律咨询", "调解纠纷", "医疗卫生", "财务会计", "道路建设", "电力维修", "教育", "社会保障政策",
          "城市管理", "养殖技术", "电商", "建筑施工", "信访工作"]
PHONE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "150", "151", "152", "155", "156", "157", "158",
                  "180", "181", "182", "185", "186", "187"]

# the bureaus a case is referred to, by the category it most belongs to
BUREAUS = [
    ("MZJ", "区民政局", ["SOCIAL_SECURITY"]), ("ZJJ", "区住房和城乡建设局", ["BRIDGES", "OTHER"]),
    ("SWJ", "区水务局", ["WATER", "AGRICULTURE"]), ("JTJ", "区交通运输局", ["ROADS", "BRIDGES"]),
    ("NYJ", "区农业农村局", ["AGRICULTURE"]), ("CGJ", "区城市管理局", ["SANITATION", "PARKING"]),
    ("RSJ", "区人力资源和社会保障局", ["SOCIAL_SECURITY"]), ("GAJ", "区公安分局", ["PUBLIC_ORDER", "NEIGHBOURS"]),
    ("HBJ", "区生态环境分局", ["SANITATION", "WATER"]), ("WJW", "区卫生健康委员会", []), ("JYJ", "区教育局", []),
    ("SJJ", "区市场监督管理局", []), ("ZRJ", "区自然资源分局", ["NEIGHBOURS", "AGRICULTURE"]),
    ("YJJ", "区应急管理局", ["BRIDGES"]), ("SFJ", "区司法局", ["NEIGHBOURS"]), ("XFJ", "区信访局", ["NEIGHBOURS"]),
    ("TYJ", "区退役军人事务局", []), ("YBJ", "区医疗保障局", ["SOCIAL_SECURITY"]), ("WLJ", "区文化和旅游局", []),
    ("LYJ", "区林业局", ["AGRICULTURE"]), ("GDJ", "区供电公司", ["OTHER"]), ("RQG", "区燃气公司", []),
    ("ZLS", "区自来水公司", ["WATER"]), ("JJD", "区交警大队", ["PARKING", "ROADS"]), ("XFD", "区消防救援大队", []),
    ("GLJ", "市公路事业发展中心", ["ROADS"]), ("SWT", "市水务集团", ["WATER"]), ("HWS", "区环境卫生管理处", ["SANITATION"]),
    ("CJL", "区残疾人联合会", ["SOCIAL_SECURITY"]), ("FLH", "区妇女联合会", []), ("ZGH", "区总工会", []),
    ("BZZ", "区住房保障中心", ["OTHER"]), ("BDC", "区不动产登记中心", ["NEIGHBOURS"]), ("SMZ", "省民政厅", ["SOCIAL_SECURITY"]),
    ("SZJ", "省住房和城乡建设厅", ["BRIDGES"]), ("SSL", "省水利厅", ["WATER", "AGRICULTURE"]), ("SJT", "省交通运输厅", ["ROADS"]),
    ("SNY", "省农业农村厅", ["AGRICULTURE"]), ("SRS", "省人力资源和社会保障厅", ["SOCIAL_SECURITY"]),
    ("SGA", "省公安厅", ["PUBLIC_ORDER"]),
]
STREET_OFFICES = 0                # unit ids BASE + street number
BUREAU_UNITS = STREETS            # unit ids BASE + STREETS + bureau number
BY_CATEGORY = {}
for _i, (_c, _n, _cats) in enumerate(BUREAUS):
    for _cat in _cats:
        BY_CATEGORY.setdefault(_cat, []).append(_i)

# diaries: what a secretary writes in the evening
DIARY_PLACES = ["村委会", "一组", "二组", "三组", "四组", "五组", "六组", "村口", "河堤", "小学门口", "卫生室", "文化广场", "老年活动中心",
                "灌溉渠", "石桥", "村东头", "村西头", "菜市场", "养殖场", "田间"]
DIARY_HEARD = ["村民反映" + t[2] for t in TEMPLATES] + [
    "老党员谈到村里道路硬化的事，希望今年能完成", "几户村民问到医保缴费的时间和标准", "村小组长说春耕用水还没有安排好",
    "留守老人说子女在外打工，家里没人照应", "村民希望增加公交班次，方便进城看病", "大家对垃圾分类的做法还不太清楚"]
DIARY_DONE = ["走访农户，了解情况并做好记录", "和村委会一起到现场查看，拍照留存", "联系街道办事处，约定明天到现场", "召开晨会，收集了群众反映的问题",
              "协调两户村民当面沟通，初步达成一致", "给独居老人送去米油，检查了用电安全", "把问题录入台账，转交相关部门办理",
              "回访上周反映问题的村民，了解办理结果", "和村干部一起研究灌溉渠清淤方案", "宣讲养老保险和医保政策"]
DIARY_PLAN = ["明天继续走访三组、四组", "明天跟进台账里的问题，催办相关部门", "明天到小学门口查看上学路", "明天召开晨会",
              "明天联系水务站了解停水原因", "明天回访反映问题的村民", "明天整理本周的工作，准备交接"]
DIARY_REFLECT = ["", "", "", "群众的事无小事，要及时回应", "很多问题在现场一看就清楚了", "要多听老人的意见"]


def street_name(si):
    return STREET_FIRST[si // 25] + STREET_SECOND[si % 25] + "街道"


def village_name(vi):
    si, j = divmod(vi, VILLAGES_PER_STREET)
    k = (j * 37 + si * 11) % (len(VILLAGE_FIRST) * len(VILLAGE_SECOND))  # 20 different a street
    return VILLAGE_FIRST[k // len(VILLAGE_SECOND)] + VILLAGE_SECOND[k % len(VILLAGE_SECOND)] + "村"


def mix(x):
    x = (x * 2654435761 + 0x9E3779B9) & 0xFFFFFFFF
    x ^= x >> 15
    return (x * 2246822519) & 0xFFFFFFFF


def member_gender(m):
    return "M" if mix(m) % 100 < 58 else "F"


def member_name(m):
    h = mix(m * 7 + 1)
    given = GIVEN_M if member_gender(m) == "M" else GIVEN_F
    name = SURNAMES[h % len(SURNAMES)] + given[(h >> 8) % len(given)]
    if (h >> 20) % 10 < 7:
        name += given[(h >> 12) % len(given)]
    return name


def member_id(si, k):
    return BASE + si * MEMBERS_PER_STREET + k


# a week's teams in a street: an affine permutation of its 60 members, chosen by street and
# week; the first TEAM for the first village with a term, the next TEAM for the second...,
# then the troubleshooter (at most 3 terms of 3 and one troubleshooter: 10 different members)
_COPRIME = [a for a in range(1, MEMBERS_PER_STREET) if all(a % p for p in (2, 3, 5))]


def week_member(si, w, slot):
    h = mix(si * 1009 + w)
    a = _COPRIME[h % len(_COPRIME)]
    return member_id(si, (a * slot + (h >> 8)) % MEMBERS_PER_STREET)


def term_villages(w, rotation):
    """The village numbers j (within a street) that have a term in week w."""
    return range((-w) % rotation, VILLAGES_PER_STREET, rotation)


def term_id(w, vi):
    return BASE + w * VILLAGES + vi


def term_team(si, w, j, rotation):
    slot = (j // rotation) * TEAM
    return [week_member(si, w, slot + r) for r in range(TEAM)]


COLUMNS = {
    "setup": [
        ("township", "id, district_id, code, name, kind, population"),
        ("village", "id, township_id, code, name, kind, population, households, committee_contact, committee_phone"),
        ("unit", "id, code, name, contact, phone"),
        ("member", "id, name, gender, birth_year, retired, phone, home_township_id, home_village_id, skills"),
        ("term", "id, village_id, week_start, state, created_at"),
        ("term_member", "term_id, member_id, lead"),
        ("troubleshooter_duty", "id, township_id, week_start, member_id, created_at"),
        ("diary_entry", "id, member_id, day, term_id, places, households, household_notes, heard, done, reflections, "
                        "plan, written, created_at, updated_at, closes_at"),
    ],
    "cases": [
        ("case_file", "id, reference, village_id, township_id, received_term_id, responsible_term_id, source, case_type, "
                      "category, urgency, title, description, public_title, state, assignee_kind, assignee_member_id, "
                      "assignee_unit_id, assignee_name, received_at, first_contact_due, resolution_due, first_contact_at, "
                      "resolved_at, closed_at, result, satisfaction, reopened_count, funding_requested, funding_approved, "
                      "recorded_by, recorded_by_member, last_event_seq, updated_at, search"),
        ("case_event", "case_id, seq, kind, at, actor_id, actor_name, from_state, to_state, reason, data, public"),
        ("callback_attempt", "case_id, attempt, at, by_account, by_name, reached, satisfaction, comment"),
    ],
}


def writers(out, mode):
    if not os.path.exists(out):
        os.makedirs(out)
    files = [open(os.path.join(out, t + ".csv"), "w", newline="", buffering=1 << 20) for t, _ in COLUMNS[mode]]
    return files, [csv.writer(f) for f in files]


def phone(m):
    n = m - BASE
    return PHONE_PREFIXES[mix(n) % len(PHONE_PREFIXES)] + "%08d" % ((n * 7919 + 31415926) % 100_000_000)


def setup(a):
    rnd = random.Random(a.seed)
    files, (tw, vw, uw, mw, termw, tmw, dutyw, dw) = writers(a.out, "setup")
    for si in range(STREETS):
        tw.writerow([BASE + si, a.district, "BXS%04d" % (si + 1), street_name(si), "STREET", 30000 + mix(si) % 60000])
        for j in range(VILLAGES_PER_STREET):
            vi = si * VILLAGES_PER_STREET + j
            vw.writerow([BASE + vi, BASE + si, "BXS%04dV%02d" % (si + 1, j + 1), village_name(vi), "VILLAGE",
                         800 + (vi * 37 + j * 101) % 4200, 300 + (vi * 13) % 900,
                         member_name(vi + 7_000_000)[0] + "主任", phone(BASE + 50_000_000 + vi)])
        uw.writerow([BASE + STREET_OFFICES + si, "BXS%04dJD" % (si + 1), street_name(si) + "办事处",
                     member_name(si + 9_000_000), phone(BASE + 60_000_000 + si)])
    for b, (code, name, _) in enumerate(BUREAUS):
        uw.writerow([BASE + BUREAU_UNITS + b, "BX" + code, name, member_name(b + 9_500_000), phone(BASE + 61_000_000 + b)])
    for si in range(STREETS):
        for k in range(MEMBERS_PER_STREET):
            m = member_id(si, k)
            birth = 1956 + mix(m * 3) % 43
            mw.writerow([m, member_name(m), member_gender(m), birth, "t" if birth < 1966 and mix(m * 5) % 4 else "f",
                         phone(m), BASE + si, BASE + si * VILLAGES_PER_STREET + mix(m * 11) % VILLAGES_PER_STREET,
                         SKILLS[mix(m * 13) % len(SKILLS)] if mix(m * 17) % 3 == 0 else ""])
    duty_id = BASE
    diary_id = BASE
    dayinfo = []
    for d in range(len(_DAYS) - 3):
        dayinfo.append((_DAYS[d], _DAYS[d + 2] + " 00:00:00+08"))
    end_day = END // DAY
    for w in range(WEEKS):
        monday = week_day(w)
        created = _DAYS[monday - 4] + " 10:00:00+08"   # published the Thursday before
        days = [d for d in range(monday, monday + 5) if d < end_day]
        for si in range(STREETS):
            js = term_villages(w, a.rotation)
            for j in js:
                vi = si * VILLAGES_PER_STREET + j
                tid = term_id(w, vi)
                termw.writerow([tid, BASE + vi, _DAYS[monday], "PUBLISHED", created])
                team = term_team(si, w, j, a.rotation)
                for r, m in enumerate(team):
                    tmw.writerow([tid, m, "t" if r == 0 else "f"])
                    for d in days:
                        day, closes = dayinfo[d]
                        at = "%s %02d:%02d:00+08" % (day, 18 + rnd.randrange(4), rnd.randrange(60))
                        if rnd.random() < 0.92:
                            p = DIARY_PLACES[rnd.randrange(len(DIARY_PLACES))]
                            q = DIARY_PLACES[rnd.randrange(len(DIARY_PLACES))]
                            n = rnd.randrange(2, 16)
                            dw.writerow([diary_id, m, day, tid, p + "、" + q, n, "走访%d户，其中困难户%d户" % (n, n // 4),
                                         DIARY_HEARD[rnd.randrange(len(DIARY_HEARD))],
                                         DIARY_DONE[rnd.randrange(len(DIARY_DONE))],
                                         DIARY_REFLECT[rnd.randrange(len(DIARY_REFLECT))],
                                         DIARY_PLAN[rnd.randrange(len(DIARY_PLAN))], "t", at, at, closes])
                        else:
                            dw.writerow([diary_id, m, day, tid, "", "", "", "", "", "", "", "f", at, at, closes])
                        diary_id += 1
            slot = (len(range(0, VILLAGES_PER_STREET, a.rotation))) * TEAM
            dutyw.writerow([duty_id, BASE + si, _DAYS[monday], week_member(si, w, slot), created])
            duty_id += 1
    for f in files:
        f.close()


def cases(a):
    rnd = random.Random(a.seed * 1_000_003 + a.first_id)
    files, (cw, ew, bw) = writers(a.out, "cases")
    actor = a.account
    rot = a.rotation
    weeks_of = [list(range((-j) % rot, WEEKS, rot)) for j in range(VILLAGES_PER_STREET)]
    end_day = END // DAY
    for case_id in range(a.first_id, a.first_id + a.count):
        vi = rnd.randrange(VILLAGES)
        si, j = divmod(vi, VILLAGES_PER_STREET)
        village, township = BASE + vi, BASE + si
        category, title, description, words = TEMPLATES[rnd.randrange(len(TEMPLATES))]
        case_type = TYPES[rnd.randrange(len(TYPES))]
        urgency = "URGENT" if rnd.random() < 0.05 else "NORMAL"
        source = SOURCES[rnd.randrange(len(SOURCES))]
        term, team = None, None
        if source in TERM_SOURCES:
            weeks = weeks_of[j]
            w = weeks[rnd.randrange(len(weeks))]
            monday = week_day(w)
            day = monday + rnd.randrange(5)
            if day >= end_day:
                day = monday
            received = day * DAY + 8 * 3600 + rnd.randrange(10 * 3600)
            term = term_id(w, vi)
            team = term_team(si, w, j, rot)
        else:
            received = START + rnd.randrange(SPAN)
        contact_due = working_days(received, 1)
        resolution_due = received + 24 * 3600 if urgency == "URGENT" else working_days(
            received, 3 if case_type in ("HELP", "INQUIRY") else 13)
        r = rnd.random()
        # a program that works closes its old cases: of those received more than 60 days
        # before the end, one in twenty that would still be open stays open (forgotten),
        # and one in ten resolved ones still waits for its callback
        if END - received > 60 * DAY:
            if 0.05 <= r < 0.12 and rnd.random() >= 0.05:
                r = 0.5
            elif 0.12 <= r < 0.20 and rnd.random() >= 0.10:
                r = 0.5
        state, closed, satisfaction, reopened = "CLOSED", None, None, 0
        contacted = received + 3600 * (rnd.choice([1, 2, 4, 8, 20]) if rnd.random() < 0.85 else rnd.randint(30, 120))
        resolved = received + int((resolution_due - received) * rnd.uniform(0.2, 0.95)) if rnd.random() < 0.8 \
            else resolution_due + 3600 * rnd.randint(2, 400)
        if resolved < contacted:
            resolved = contacted + 3600
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
        recorder = team[rnd.randrange(TEAM)] if team else ""
        # the assignee: none while received, declined or merged
        kind, a_member, a_unit, a_name = "", "", "", ""
        if state not in ("RECEIVED", "DECLINED", "MERGED"):
            x = rnd.random()
            if x < 1 / 3:
                kind = "UNIT"
                bureaus = BY_CATEGORY.get(category)
                if bureaus and x < 1 / 6:
                    b = bureaus[rnd.randrange(len(bureaus))]
                    a_unit, a_name = BASE + BUREAU_UNITS + b, BUREAUS[b][1]
                else:
                    a_unit, a_name = BASE + STREET_OFFICES + si, street_name(si) + "办事处"
            elif team and x < 0.8:
                kind = "SECRETARY"
                a_member = team[rnd.randrange(TEAM)]
                a_name = member_name(a_member)
            else:
                kind, a_name = "COMMITTEE", village_name(vi) + "村民委员会"
        seq = 1
        received_s = ts(received)
        ew.writerow([case_id, 1, "RECEIVED", received_s, actor, "基准数据", "", "RECEIVED", "", "{}", "t"])
        last = received
        if kind:
            seq += 1
            at = received + 600 + rnd.randrange(3000)
            if contacted is not None and at > contacted:
                at = contacted
            if kind == "UNIT":
                data = '{"assigneeKind": "UNIT", "unitId": "%d", "name": "%s"}' % (a_unit, a_name)
            elif kind == "SECRETARY":
                data = '{"assigneeKind": "SECRETARY", "memberId": %d, "name": "%s"}' % (a_member, a_name)
            else:
                data = '{"assigneeKind": "COMMITTEE", "name": "%s"}' % a_name
            ew.writerow([case_id, seq, "ASSIGNED", ts(at), actor, "基准数据", "RECEIVED", "ASSIGNED", "", data, "t"])
            last = at
        if state == "CLOSED":
            closed = resolved + 3600 * rnd.randint(20, 200)
            if closed > END:
                state, closed = "RESOLVED", None
            else:
                s = rnd.random()
                satisfaction = "SATISFIED" if s < 0.72 else ("BASICALLY_SATISFIED" if s < 0.92 else "UNSATISFIED")
        if resolved is not None:
            seq += 1
            ew.writerow([case_id, seq, "RESOLVED", ts(resolved), actor, "基准数据", "IN_PROGRESS", "RESOLVED", "",
                         "{}", "t"])
            last = resolved
        if closed is not None:
            seq += 1
            closed_s = ts(closed)
            ew.writerow([case_id, seq, "CLOSED", closed_s, actor, "基准数据", "RESOLVED", "CLOSED", "",
                         '{"satisfaction": "%s"}' % satisfaction, "f"])
            bw.writerow([case_id, 1, closed_s, actor, "基准数据", "t", satisfaction, ""])
            last = closed
        elif state == "RESOLVED" and rnd.random() < 0.3:
            bw.writerow([case_id, 1, ts(resolved + 30 * 3600), actor, "基准数据", "f", "", ""])
        funding = rnd.random() < 0.04
        requested = rnd.choice([2000, 8000, 15000, 86000]) if funding else ""
        approved = requested if funding and rnd.random() < 0.7 else ""
        search = " ".join("'%s'" % w for w in words + [ch for w in words for ch in w])
        term = term if term is not None else ""
        cw.writerow([case_id, "BX-%s-%08d" % (_DAYS[received // DAY][:4], case_id), village, township, term, term,
                     source, case_type, category, urgency, title, description, title, state, kind, a_member, a_unit,
                     a_name, received_s, ts(contact_due), ts(resolution_due), ts(contacted) if contacted else "",
                     ts(resolved) if resolved else "", ts(closed) if closed else "", "已办结" if resolved else "",
                     satisfaction or "", reopened, requested, approved, actor, recorder, seq, ts(last), search])
    for f in files:
        f.close()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["setup", "cases"])
    p.add_argument("--columns", action="store_true", help="print the tables and COPY columns and stop")
    p.add_argument("--out")
    p.add_argument("--district", type=int)
    p.add_argument("--account", type=int)
    p.add_argument("--first-id", type=int, default=BASE)
    p.add_argument("--count", type=int)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--rotation", type=int, default=8, help="a village has a term one week in ROTATION (3 to 20)")
    a = p.parse_args()
    if a.columns:
        for t, c in COLUMNS[a.mode]:
            print("%s\t%s" % (t, c))
        return
    if not 3 <= a.rotation <= VILLAGES_PER_STREET:
        sys.exit("--rotation between 3 and %d" % VILLAGES_PER_STREET)
    if a.mode == "setup":
        setup(a)
    else:
        cases(a)


if __name__ == "__main__":
    main()
