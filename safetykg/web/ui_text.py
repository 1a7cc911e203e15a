"""The words of the web interface in Chinese and English, and how a request picks its language."""

from fastapi import Request

LANGS = ("zh", "en")

# {count}, {titles} and {national} are filled in from the build (ui_corpus): no document or place is named here.
WORDS: dict[str, tuple[str, str]] = {
    "site": ("安全生产责任制知识图谱", "Work-safety responsibility knowledge graph"),
    "home": ("首页", "Home"),
    "questions": ("问题", "Questions"),
    "reader": ("法规原文", "Reader"),
    "compare": ("比较", "Compare"),
    "completeness": ("完整性", "Completeness"),
    "sparql": ("SPARQL", "SPARQL"),
    "downloads": ("下载", "Downloads"),
    "switch": ("English", "中文"),
    "skip": ("跳到正文", "Skip to content"),
    "error_404": ("找不到该页面", "Page not found"),
    "error_405": ("该页面不接受此请求方法", "This page does not accept that method"),
    "error_client": ("请求有误", "The request could not be answered"),
    "error_server": ("服务器出错", "Server error"),
    "back_home": ("返回首页", "Back to the home page"),
    "unspecified": ("未规定", "not specified"),
    "at_least": ("{period}至少 {count} 次", "at least {count} times, {period}"),
    "filter": ("筛选", "Filter"),
    "all": ("全部", "All"),
    "sort_hint": ("点击列标题排序", "Click a column heading to sort"),
    "not_understood": ("未能识别以下取值，请从表单中选择：", "These values were not understood; choose from the form:"),
    "unrecognised": ("未识别", "not understood"),
    "param_jurisdiction": ("地区", "Jurisdiction"),
    "param_hazard": ("危险或行业领域", "Hazard or sector"),
    "param_role": ("职务", "Role"),
    "param_level": ("层级", "Level"),
    "param_organ": ("机关或部门", "Organ"),
    "param_measure": ("问责方式", "Accountability measure"),
    "param_activity": ("活动类型", "Activity"),
    "param_qualifier": ("层级表述", "Level wording"),
    "param_term": ("检索词", "Search term"),
    "param_type": ("认定类型", "Designation type"),
    "intro": (
        "{count}部地方党政领导干部安全生产责任制法规（{titles}）的知识图谱：每一事实都引用其条款原文。",
        "{count} regulations on the work-safety responsibility of Party and government leaders ({titles}) as a knowledge graph: every fact cites the provision it comes from.",
    ),
    "list_sep": ("、", ", "),
    "inside": ("收录内容", "What is inside"),
    "regulation": ("法规", "Regulation"),
    "jurisdiction": ("地区", "Jurisdiction"),
    "chapters": ("章", "chapters"),
    "articles": ("条", "articles"),
    "organs": ("机关和部门", "organs"),
    "posts": ("岗位", "posts"),
    "duties": ("职责", "duties"),
    "designations": ("监管职责认定", "designations"),
    "jurisdictions": ("地区", "jurisdictions"),
    "ways_in": ("入口", "Ways in"),
    "ways_questions": (
        "按问题查询：填写表单，得到带出处的答案",
        "Ask a question through a form; every answer cites its provision",
    ),
    "ways_read": ("阅读法规原文，逐项查看抽取的职责", "Read a regulation with the duties extracted from each item"),
    "ways_compare": (
        "跨{count}个地区比较同一职务或部门",
        "Compare a role or organ kind across the {count} jurisdictions",
    ),
    "ways_completeness": ("对照{national}检查各地细则的完整性", "Check each local rule against the national one"),
    "ways_sparql": ("用 SPARQL 直接查询", "Query with SPARQL"),
    "ask": ("查询", "Ask"),
    "any": ("（不限）", "(any)"),
    "rows": ("条结果", "rows"),
    "no_rows": ("没有结果。", "No answers."),
    "download": ("下载", "Download"),
    "see_sparql": ("查看 SPARQL", "See the SPARQL"),
    "open_editor": ("在编辑器中打开", "Open in the editor"),
    "provision": ("出处", "Provision"),
    "bearer": ("责任主体", "Bearer"),
    "domains": ("领域", "Domains"),
    "organ": ("机关", "Organ"),
    "commentary": ("解读（非法规条文）", "Commentary (not a provision)"),
    "designated": ("认定", "Designation"),
    "frequency": ("频次", "Frequency"),
    "measures": ("问责方式", "Accountability measures"),
    "local_addition": ("地方新增", "local addition"),
    "not_national": ("{national}未列", "not in the national rule"),
    "differs": ("与{national}不同", "differs from national"),
    "role": ("职务", "Role"),
    "organ_kind": ("部门类别", "Organ kind"),
    "choose": ("请选择职务或部门类别。", "Choose a role or an organ kind."),
    "none_here": ("未规定", "none"),
    "requirement": ("要求", "Requirement"),
    "evidence": ("依据", "Evidence"),
    "gap": ("缺口", "Gap"),
    "report": ("验证报告", "Validation report"),
    "status_ok": ("满足", "ok"),
    "status_violation": ("违反", "violation"),
    "status_warning": ("警告", "warning"),
    "national_rule": ("上位规定", "the national rule"),  # when the build has no national rule
    "national_article": ("{national}条款", "National article"),
    "explanation": ("说明", "Explanation"),
    "click_cell": ("点击单元格查看依据或缺口。", "Click a cell to see its evidence or its gap."),
    "run": ("运行", "Run"),
    "examples": ("示例查询", "Example queries"),
    "prefixes": ("前缀", "Prefixes"),
    "properties": ("全部属性", "All properties"),
    "referenced_by": ("被引用", "Referenced by"),
    "neighbours": ("相关", "Neighbours"),
    "text": ("原文", "Text"),
    "compare_this": ("跨地区比较", "Compare across jurisdictions"),
    "organs_here": ("本地区的机关", "Organs of this jurisdiction"),
    "posts_here": ("岗位", "Posts"),
    "formats": ("其他格式", "Other formats"),
}


def t(lang: str, key: str, **values: object) -> str:
    """The words for a key in a language, with any {placeholders} filled in from ``values``."""
    zh, en = WORDS[key]
    words = en if lang == "en" else zh
    return words.format(**values) if values else words


def has_word(key: str) -> bool:
    return key in WORDS


def language(request: Request) -> str:
    """?lang= wins, then the cookie, then Chinese."""
    asked = request.query_params.get("lang") or request.cookies.get("lang") or "zh"
    return asked if asked in LANGS else "zh"


def label(labels: dict[str, dict[str, str]], iri: str, lang: str) -> str:
    found = labels.get(iri)
    if found:
        return found.get(lang) or found.get("zh") or iri
    return iri.rsplit("/", 1)[-1]
