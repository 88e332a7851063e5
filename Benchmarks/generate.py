#!/usr/bin/env python3
"""Generate a synthetic, in-sync pair of ctoboard task documents of any size.

Writes
    OUT/docs/Development/CTO_OWNER.md
    OUT/docs/Project Management/TODO.md

in the style of the example pair (see README.md in this folder). The CTO tasks of
TODO.md (those ending in `[Owner: CTO]`) appear in the owner document with the
same title, the same section (Completed group / In Progress / Pending priority)
and the same checkbox, so `ctoboard check` exits 0 on a fresh pair.

Python 3 standard library only. Deterministic for a given set of arguments.
"""

import argparse
import json
import os
import random
import sys
import unicodedata

OWNERS_OTHER = ["Backend", "Security", "Frontend", "Marketing", "Community"]
OTHER_WEIGHTS = [35, 20, 25, 10, 10]

# Title stems per owner. Titles are made unique per owner by appending " #<number>".
STEMS = {
    "CTO": [
        "Netlify deployment setup",
        "Netlify configuration (`netlify.toml`)",
        "Build process configuration",
        "Deployment documentation",
        "GitHub repository setup",
        "Branch protection rules",
        "Pull Request workflow",
        "Evaluate Phoenix/Elixir stack for implementation",
        "Design multi-tenant authentication architecture",
        "Validate vector database technology choice (CRITICAL)",
        "Review and approve security planning document",
        "Evaluate Phoenix as web framework for HTTP API and WebSocket",
        "Evaluate Elixir as business logic layer for high-concurrency services",
        "Review and approve all architecture decisions",
        "Conduct security audits",
        "Document Phoenix/Elixir stack architecture",
        "Create deployment strategy documentation",
        "Establish code review process",
        "Set up monitoring and logging infrastructure",
        "Plan AWS migration from Netlify (alpha phase)",
        "Technology stack performance monitoring",
        "Infrastructure cost optimization",
        "Team training and knowledge sharing",
        "Technical debt review and planning",
        "Revue de l'architecture des données",
        "Überprüfung der Zugriffsrechte im Staging",
        "Migración del clúster de caché a Redis 7",
        "日本語ローカライズのレビュー",
        "数据库备份策略审核",
        "🚀 Release checklist for v2 launch",
        "Upgrade `mix.exs` dependencies",
        "Pin base image in `Dockerfile`",
        "Rotate credentials in `config/runtime.exs`",
        "Approve the pgvector rollout 🧭",
        "👨‍👩‍👧 Family-plan billing architecture",
    ],
    "Backend": [
        "Rate limiting on the public API",
        "n8n workflow for new-signup notifications",
        "Register project domain and DNS records",
        "Add pagination to `/api/v1/projects`",
        "Background job retries with exponential backoff",
        "Webhook signature verification",
        "Índices compuestos para la tabla de eventos",
        "Optimiser les requêtes N+1 du tableau de bord",
        "Migrate sessions table to UUID keys",
        "ジョブキューの監視を追加",
        "Fix 🐛 in the sync worker retry loop",
        "Health check endpoint for the load balancer",
    ],
    "Security": [
        "Threat model for the public API",
        "Secrets rotation policy",
        "Enable Dependabot alerts",
        "Pen-test follow-ups for the auth service",
        "Audit `CODEOWNERS` coverage",
        "Sicherheitsüberprüfung der Anmeldedaten",
        "安全审计日志保留策略",
        "🔐 Hardware keys for all admins",
        "CSP headers for the dashboard",
    ],
    "Frontend": [
        "Onboarding flow wireframes",
        "Style guide v1 (colors, type scale)",
        "Accessibility audit of the dashboard",
        "Dark mode for the dashboard",
        "Empty states for the projects list",
        "Traduction française de l'interface",
        "한국어 번역 검토",
        "Keyboard shortcuts help overlay ⌨️",
        "Lazy-load charts in `Dashboard.tsx`",
        "Résumé card layout on narrow screens",
    ],
    "Marketing": [
        "Landing page copy and screenshots",
        "Launch blog post draft",
        "Newsletter template refresh ✉️",
        "Case study with the pilot customer",
        "Campaña de lanzamiento en LATAM 🇲🇽",
        "製品紹介ビデオの台本",
    ],
    "Community": [
        "Discourse forum categories and moderation rules",
        "Contributor guide and code of conduct",
        "Monthly community call agenda",
        "Welcome bot for new forum members 👋",
        "👩‍💻 Mentoring programme for new contributors",
        "Traducteurs bénévoles : guide de démarrage",
        "社区问答精选整理",
    ],
}

GROUPS = [
    "Infrastructure & Hosting",
    "Version Control",
    "Product",
    "Security & Compliance",
    "Documentation",
    "Données & Analytics",
    "Internationalisation (i18n) 🌐",
    "Developer Experience",
    "API Platform",
    "Observability",
]

AREAS = [
    "Backend",
    "Frontend",
    "Security",
    "Infrastructure",
    "Community & Marketing",
]

# Optional qualifiers, so titles vary in length like real ones.
QUALIFIERS = [
    "", "", "", "", "", "", "", " (phase 2)", " for the EU region", " in staging", " — follow-up from the Q3 review",
    " before the beta", " (see RFC-12)", " across all tenants", " für die API v2", " pour la bêta publique",
]

SECTIONS = ["completed", "in-progress", "high", "medium", "low"]
SECTION_WEIGHTS = [35, 15, 15, 20, 15]
PRIORITY_TAG = {"high": "High", "medium": "Medium", "low": "Low"}
SPECIAL_CTO_TITLE = "Review all `[Owner: CTO]` tasks in TODO.md"


class Task:
    __slots__ = ("idx", "owner", "title", "section", "checked", "verify", "critical", "group", "area", "priority")

    def __init__(self, idx):
        self.idx = idx
        self.owner = None
        self.title = ""
        self.section = "medium"
        self.checked = False
        self.verify = False
        self.critical = False
        self.group = ""
        self.area = ""
        self.priority = "medium"

    def body(self):
        """The line after the checkbox, without the TODO.md tags."""
        if self.verify:
            return "**VERIFY**: %s (needs verification)" % self.title
        if self.critical:
            return "**CRITICAL**: %s" % self.title
        return self.title

    def box(self):
        return "- [x] " if self.checked else "- [ ] "


def build_tasks(n, m, rng, layout):
    cto = set(rng.sample(range(n), m)) if m < n else set(range(n))
    tasks = []
    for i in range(n):
        t = Task(i)
        t.owner = "CTO" if i in cto else rng.choices(OWNERS_OTHER, OTHER_WEIGHTS)[0]
        stem = rng.choice(STEMS[t.owner])
        if rng.random() < 0.01:
            # A few titles written on macOS: decomposed accents (NFD).
            stem = unicodedata.normalize("NFD", "Café menu: révision de l'équipe")
        t.title = "%s%s #%d" % (stem, rng.choice(QUALIFIERS), i + 1)
        t.section = rng.choices(SECTIONS, SECTION_WEIGHTS)[0]
        t.priority = t.section if t.section in PRIORITY_TAG else rng.choice(["high", "medium", "low"])
        if t.section == "completed":
            if t.owner == "CTO":
                # Mostly awaiting verification; a quarter already verified.
                t.checked = rng.random() < 0.25
                t.verify = not t.checked
            else:
                t.checked = rng.random() < 0.85
                t.verify = not t.checked
        elif t.section in ("high", "medium", "low") and rng.random() < 0.005:
            t.critical = True
        tasks.append(t)

    # The title with a backticked owner tag inside, as in the example: the first CTO task.
    for t in tasks:
        if t.owner == "CTO":
            t.title = SPECIAL_CTO_TITLE
            t.section, t.priority = "in-progress", "high"
            t.checked = t.verify = t.critical = False
            break
    # Make sure at least one CRITICAL CTO task exists when there are pending CTO tasks.
    if not any(t.critical and t.owner == "CTO" for t in tasks):
        for t in tasks:
            if t.owner == "CTO" and t.section == "high":
                t.critical = True
                break

    # Completed groups (sectioned) or areas (area layout), in runs of about 25 tasks,
    # so that every group name is unique.
    if layout == "sectioned":
        completed = [t for t in tasks if t.section == "completed"]
        for j, t in enumerate(completed):
            g = j // 25
            base = GROUPS[g % len(GROUPS)]
            t.group = base if g < len(GROUPS) else "%s — Sprint %d" % (base, g // len(GROUPS) + 1)
    else:
        for j, t in enumerate(tasks):
            g = j // 40
            if g < len(AREAS):
                t.area = AREAS[g]
            else:
                t.area = "Milestone %d" % (g - len(AREAS) + 1)
            t.group = t.area
    return tasks


def todo_line(t, layout):
    if layout == "sectioned":
        return "%s%s [Owner: %s]" % (t.box(), t.body(), t.owner)
    status = {"completed": "Completed", "in-progress": "In Progress"}.get(t.section, "Pending")
    return "%s%s [Status: %s] [Priority: %s] [Owner: %s]" % (
        t.box(), t.body(), status, PRIORITY_TAG[t.priority], t.owner)


TODO_HEADER = """# Project TODO

**Last Updated**: January 2026
**Version**: 1.0

Every project task lives in this file. Each task carries an `[Owner: ROLE]` tag.
Owner documents mirror the tasks of their role and are kept in sync with this file:

| Owner | Document |
|-------|----------|
| CTO | `docs/Development/CTO_OWNER.md` |

---
"""

TODO_FOOTER = """---

**Last Updated**: January 2026
"""


def render_todo(tasks, layout):
    out = [TODO_HEADER]
    if layout == "sectioned":
        out.append("\n## ✅ Completed\n\n")
        out.append("**⚠️ VERIFICATION REQUIRED**: Completed tasks stay unchecked until someone verifies them.\n")
        group = None
        for t in tasks:
            if t.section != "completed":
                continue
            if t.group != group:
                group = t.group
                out.append("\n### %s\n" % group)
            out.append(todo_line(t, layout) + "\n")
        out.append("\n---\n\n## 🔄 In Progress\n\n")
        for t in tasks:
            if t.section == "in-progress":
                out.append(todo_line(t, layout) + "\n")
        out.append("\n---\n\n## 📝 Pending\n")
        for sec, head in (("high", "High Priority"), ("medium", "Medium Priority"), ("low", "Low Priority")):
            out.append("\n### %s\n" % head)
            for t in tasks:
                if t.section == sec:
                    out.append(todo_line(t, layout) + "\n")
        out.append("\n")
    else:
        out.append("\nTasks are grouped by area and milestone; each carries `[Status: …]` and `[Priority: …]` tags.\n")
        area = None
        for t in tasks:
            if t.area != area:
                area = t.area
                out.append("\n## %s\n\n" % area)
            out.append(todo_line(t, layout) + "\n")
        out.append("\n")
    out.append(TODO_FOOTER)
    return "".join(out)


# The owner document keeps the example's mis-decoded emoji (UTF-8 read as Mac Roman):
# real files look like this and a tool must keep those bytes untouched.
OWNER_HEADER = """# CTO Owner - Responsibilities & Task Tracking

**Last Updated**: January 2026  
**Version**: 1.0  
**Status**: Active Role Documentation

**‚ö†Ô∏è SYNC**: This document is synchronized with `docs/Project Management/TODO.md`. All tasks marked with `[Owner: CTO]` should be tracked here.

**\uf8ffüî¥ CRITICAL - BIDIRECTIONAL AUTO-UPDATE REQUIREMENT**:
- ‚úÖ **MANDATORY**: When this document is updated, `docs/Project Management/TODO.md` MUST be automatically updated
- ‚úÖ **MANDATORY**: When TODO.md is updated, this document MUST be automatically updated
- ‚ùå **FORBIDDEN**: Making changes to this document without updating TODO.md

**\uf8ffüìã How to Sync**:
1. When completing a task, mark it complete in both this file AND `docs/Project Management/TODO.md`
2. When adding a new task, add it to both files with `[Owner: CTO]`
3. Weekly review: Compare this file with TODO.md to ensure synchronization

---

## \uf8ffüëî Role & Responsibilities

### Primary Responsibilities:
- **Technology Leadership**: Overall technical architecture and system design
- **Infrastructure & Hosting**: Infrastructure, deployment, and hosting management
- **Security Oversight**: Security architecture, compliance, and audits
- **Main Branch Protection**: Review and merge all Pull Requests to main branch

### Key Documentation to Maintain:
- `docs/Core Documentation/TECH_STACK.md`
- `docs/Project Management/SECURITY_PLANNING.md` (owned by CTO, maintained by Security owner)
- `docs/Services/netlify/` (Netlify deployment documentation)

---

## \uf8ffüìã Current Tasks (Synced with TODO.md)

### ‚úÖ Completed Tasks

**‚ö†Ô∏è VERIFICATION REQUIRED**: All tasks below marked as completed must be verified before being considered fully complete.
"""

OWNER_FOOTER = """
---

## \uf8ffüîó Related Documentation

- **Security Planning**: `docs/Project Management/SECURITY_PLANNING.md`
- **Tech Stack**: `docs/Core Documentation/TECH_STACK.md`

---

## \uf8ffüìù Notes

- All CTO tasks should be marked with `[Owner: CTO]` in TODO.md
- CTO owner is responsible for coordinating with Backend owner, Security owner, and Frontend owner
- CTO changes must be reviewed and approved
- **CRITICAL**: Vector database technology validation must be completed by CTO before implementation

---

**Last Updated**: January 2026  
**Next Review**: Weekly sync with TODO.md
"""


def owner_line(t):
    return t.box() + t.body()


def render_owner(tasks):
    cto = [t for t in tasks if t.owner == "CTO"]
    out = [OWNER_HEADER]
    group = None
    for t in cto:
        if t.section != "completed":
            continue
        if t.group != group:
            group = t.group
            out.append("\n#### %s\n" % group)
        out.append(owner_line(t) + "\n")
    out.append("\n---\n\n### \uf8ffüîÑ In Progress\n\n")
    out.append("**Synced from TODO.md** - See `docs/Project Management/TODO.md` for all tasks marked with `[Owner: CTO]`.\n\n")
    out.append("**CTO-Specific In Progress Tasks**:\n")
    for t in cto:
        if t.section == "in-progress":
            out.append(owner_line(t) + "\n")
    out.append("\n---\n\n### \uf8ffüìù Pending Tasks\n")
    for sec, label in (("high", "High Priority"), ("medium", "Medium Priority"), ("low", "Low Priority")):
        out.append("\n**%s**:\n" % label)
        for t in cto:
            if t.section == sec:
                out.append(owner_line(t) + "\n")
    out.append(OWNER_FOOTER)
    return "".join(out)


def finish(text, crlf, bom):
    if crlf:
        text = text.replace("\n", "\r\n")
    data = text.encode("utf-8")
    if bom:
        data = b"\xef\xbb\xbf" + data
    return data


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="output folder (docs/ is created inside)")
    ap.add_argument("--tasks", type=int, default=20000, help="tasks in TODO.md (default 20000)")
    ap.add_argument("--owner-tasks", type=int, default=None,
                    help="how many tasks carry [Owner: CTO] (default tasks/5)")
    ap.add_argument("--layout", choices=["sectioned", "area"], default="sectioned",
                    help="TODO.md layout: status sections (default) or area/milestone headings with [Status:]/[Priority:] tags")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--crlf", nargs="?", const="both", choices=["both", "owner", "todo"],
                    help="CRLF line endings (both files unless 'owner' or 'todo' is given)")
    ap.add_argument("--bom", nargs="?", const="both", choices=["both", "owner", "todo"],
                    help="UTF-8 byte order mark (both files unless 'owner' or 'todo' is given)")
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args(argv)
    n = a.tasks
    m = a.owner_tasks if a.owner_tasks is not None else n // 5
    if n < 1 or m < 1 or m > n:
        ap.error("need 1 <= --owner-tasks <= --tasks")

    rng = random.Random("ctoboard-bench:%d:%d:%d:%s" % (a.seed, n, m, a.layout))
    tasks = build_tasks(n, m, rng, a.layout)
    todo = render_todo(tasks, a.layout)
    owner = render_owner(tasks)

    owner_path = os.path.join(a.out, "docs", "Development", "CTO_OWNER.md")
    todo_path = os.path.join(a.out, "docs", "Project Management", "TODO.md")
    for path, text, who in ((owner_path, owner, "owner"), (todo_path, todo, "todo")):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        data = finish(text, a.crlf in ("both", who), a.bom in ("both", who))
        with open(path, "wb") as f:
            f.write(data)
    if not a.quiet:
        counts = {s: sum(1 for t in tasks if t.owner == "CTO" and t.section == s) for s in SECTIONS}
        print(json.dumps({
            "owner_doc": owner_path, "todo": todo_path, "tasks": n, "owner_tasks": m,
            "layout": a.layout, "todo_bytes": os.path.getsize(todo_path),
            "owner_bytes": os.path.getsize(owner_path), "cto_by_section": counts,
        }, ensure_ascii=False))


if __name__ == "__main__":
    sys.exit(main())
