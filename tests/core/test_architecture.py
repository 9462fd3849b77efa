"""Rules of docs/conventions.md that an import graph cannot see, checked on the source's syntax.

- ORM writes only in `actions.py` modules (and a short list of named exceptions below);
- no clock in domain code: only the edge of the system (views, commands, tasks, ...) reads it;
- every `select_for_update()` is `no_key=True` or says on its line, or the line above, why not;
- no file storage I/O inside `transaction.atomic()`;
- every exception lives in `<app>/exceptions.py`, is named `...Error` and descends from the
  app's one base `<App>Error` (wiec.tally is left out: it is a standalone library with its own
  TallyError and PabulibError, and imports nothing from Wiec).

The dependency order is checked separately by import-linter (`make lint-imports`).
"""

from __future__ import annotations

import ast
import builtins
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "wiec"

# Method names that write through the ORM. `save` and `delete` count only without positional
# arguments (`image.save(out, "PNG")` and `storage.delete(name)` are not the ORM), and `update`
# only on a manager or a queryset (`dict.update` is not).
ALWAYS_WRITES = {
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
}
QUERYSET_METHODS = {
    "all",
    "filter",
    "exclude",
    "select_for_update",
    "select_related",
    "prefetch_related",
    "order_by",
    "annotate",
    "only",
    "defer",
    "using",
}

# Writes allowed outside actions.py: "path" (a whole file) or "path::function", with the reason.
WRITE_EXCEPTIONS: dict[str, str] = {
    "core/audit.py::record": "the audit writer itself; actions call it inside their transaction",
    "accounts/models.py::UserManager.create_user": (
        "Django's manager contract (createsuperuser, allauth) saves the user it builds"
    ),
    "accounts/adapter.py::AccountAdapter.save_user": (
        "allauth's sign-up hook must save the user it is handed; the membership goes through "
        "accounts.actions.join_tenant"
    ),
    "verification/queries.py::settings_for": (
        "creates the municipality's verification settings and HMAC salt once, on first use; "
        "the salt must exist before anything is hashed"
    ),
    "notifications/tasks.py::send_notification_emails": (
        "the e-mail task stamps each notification it sent (emailed_at) so that a retry does "
        "not send it twice; notifications.actions enqueues this task, so it cannot import them"
    ),
}

# The edge of the system reads the clock and passes `at=` / `today=` down; everything else is
# domain code and must not. Patterns match paths below src/wiec (PurePosixPath.match).
CLOCK_EDGES: dict[str, str] = {
    "*/views.py": "views read the clock once per request",
    "*/views_*.py": "panel views, likewise",
    "*/management/commands/*.py": "commands are run by a person or by cron",
    "*/tasks.py": "task entry points run later, on their own clock",
    "*/admin.py": "Django admin actions are views",
    "*/templatetags/*.py": "a tag renders during a request, like the view that called it",
    "*/checks.py": "system checks run when `wiec check` (a command) runs",
    "accounts/adapter.py": "allauth's hooks are views",
    "core/ratelimit.py": "request rate limits, keyed by the wall clock (tests pass now=)",
    "demo/build.py": "the demo's entry point picks the demo's 'now'",
}
CLOCK_CALLS = {
    ("timezone", "now"),
    ("timezone", "localdate"),
    ("timezone", "localtime"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("date", "today"),
    ("time", "time"),
}


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    where: str
    code: str

    def __str__(self) -> str:
        return f"src/wiec/{self.path}:{self.line} in {self.where or '<module>'}: {self.code}"


def source_files() -> Iterator[tuple[str, ast.Module, list[str]]]:
    for file in sorted(SRC.rglob("*.py")):
        rel = file.relative_to(SRC).as_posix()
        if "/migrations/" in rel:
            continue
        text = file.read_text(encoding="utf-8")
        yield rel, ast.parse(text, filename=rel), text.splitlines()


def _calls_with_scope(tree: ast.Module) -> Iterator[tuple[ast.Call, str]]:
    """Every call with the dotted name of the function or class around it."""

    def visit(node: ast.AST, scope: list[str]) -> Iterator[tuple[ast.Call, str]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                yield from visit(child, [*scope, child.name])
                continue
            if isinstance(child, ast.Call):
                yield child, ".".join(scope)
            yield from visit(child, scope)

    yield from visit(tree, [])


def _is_queryset(node: ast.expr) -> bool:
    """A manager (`X.objects`, `_default_manager`, a related `..._set`) or a queryset chain."""
    if isinstance(node, ast.Attribute):
        return node.attr in {"objects", "_default_manager"} or node.attr.endswith("_set")
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        return node.func.attr in QUERYSET_METHODS or _is_queryset(node.func.value)
    return False


def is_orm_write(call: ast.Call) -> bool:
    if not isinstance(call.func, ast.Attribute):
        return False
    name = call.func.attr
    if name in ALWAYS_WRITES:
        return True
    if name in {"save", "delete"}:
        return not call.args
    if name == "update":
        return _is_queryset(call.func.value)
    return False


def is_clock_call(call: ast.Call) -> bool:
    func = call.func
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Name)
        and (func.value.id, func.attr) in CLOCK_CALLS
    )


def orm_writes_outside_actions() -> list[Finding]:
    found = []
    for rel, tree, _lines in source_files():
        if rel.endswith("/actions.py") or rel in WRITE_EXCEPTIONS:
            continue
        for call, where in _calls_with_scope(tree):
            if is_orm_write(call) and f"{rel}::{where}" not in WRITE_EXCEPTIONS:
                found.append(Finding(rel, call.lineno, where, ast.unparse(call)[:100]))
    return found


def clock_reads_in_domain_code() -> list[Finding]:
    found = []
    for rel, tree, _lines in source_files():
        if rel.startswith("tally/") or any(PurePosixPath(rel).match(p) for p in CLOCK_EDGES):
            continue
        for call, where in _calls_with_scope(tree):
            if is_clock_call(call):
                found.append(Finding(rel, call.lineno, where, ast.unparse(call)))
    return found


def _explains(line: str) -> bool:
    """Whether a source line carries a comment in words (not only `# noqa` or `# type:`)."""
    _code, hash_, comment = line.partition("#")
    words = comment.strip()
    return bool(hash_) and bool(words) and not words.startswith(("noqa", "type:"))


def unexplained_row_locks() -> list[Finding]:
    found = []
    for rel, tree, lines in source_files():
        for call, where in _calls_with_scope(tree):
            func = call.func
            if not (isinstance(func, ast.Attribute) and func.attr == "select_for_update"):
                continue
            no_key = any(
                k.arg == "no_key" and isinstance(k.value, ast.Constant) and k.value.value is True
                for k in call.keywords
            )
            line = call.func.end_lineno or call.lineno
            nearby = lines[line - 2 : line]  # the line above and the call's own line
            if not no_key and not any(_explains(text) for text in nearby):
                found.append(Finding(rel, line, where, ast.unparse(call)[:100]))
    return found


def _is_atomic(item: ast.withitem) -> bool:
    expr = item.context_expr
    func = expr.func if isinstance(expr, ast.Call) else expr
    return isinstance(func, ast.Attribute) and func.attr == "atomic"


def is_storage_io(call: ast.Call) -> bool:
    """`field.save(name, content)` (a FieldFile writing its file) or `<...>storage.<verb>(...)`."""
    func = call.func
    if not isinstance(func, ast.Attribute):
        return False
    if func.attr == "save" and len(call.args) >= 2:
        return True
    receiver = func.value
    name = receiver.attr if isinstance(receiver, ast.Attribute) else getattr(receiver, "id", "")
    return name.endswith("storage") and func.attr in {"save", "delete", "open"}


def storage_io_in_transactions() -> list[Finding]:
    """Storage calls written inside `with transaction.atomic():` (lambdas, which on_commit runs
    later, excepted)."""
    found = []
    for rel, tree, _lines in source_files():
        for node in ast.walk(tree):
            if not (isinstance(node, ast.With) and any(map(_is_atomic, node.items))):
                continue
            pending: list[ast.AST] = list(node.body)
            while pending:
                child = pending.pop()
                if isinstance(child, ast.Lambda):
                    continue
                if isinstance(child, ast.Call) and is_storage_io(child):
                    found.append(Finding(rel, child.lineno, "atomic()", ast.unparse(child)[:100]))
                pending.extend(ast.iter_child_nodes(child))
    return found


# Exception classes a Wiec exception may also derive from, besides its app's base: Python's own
# and Django's (IdeaHiddenError is also an Http404, so Django answers 404 if no view catches it).
OUTSIDE_EXCEPTIONS = {
    name
    for name, value in vars(builtins).items()
    if isinstance(value, type) and issubclass(value, BaseException)
} | {"Http404", "PermissionDenied", "ValidationError", "ObjectDoesNotExist", "SuspiciousOperation"}
# Left out of the exception rule: a standalone library (see the module docstring).
STANDALONE = ("tally/",)


def app_base(rel: str) -> str:
    """The one base every exception of the app at `rel` descends from: ideas -> IdeasError."""
    app = rel.split("/", 1)[0].removesuffix(".py")
    return "".join(part.title() for part in app.split("_")) + "Error"


def _base_names(node: ast.ClassDef) -> list[str]:
    names = []
    for base in node.bases:
        if isinstance(base, ast.Attribute):
            names.append(base.attr)
        elif isinstance(base, ast.Name):
            names.append(base.id)
    return names


def exception_rule_breaks(files: list[tuple[str, ast.Module]]) -> list[str]:
    """Each exception class defined in `files` that breaks the rule, with what it breaks."""
    classes = [
        (rel, node)
        for rel, tree in files
        if not rel.startswith(STANDALONE)
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
    ]
    exceptions = set(OUTSIDE_EXCEPTIONS)
    grown = True
    while grown:  # a class is an exception if one of its bases is
        grown = False
        for _, node in classes:
            if node.name not in exceptions and exceptions.intersection(_base_names(node)):
                exceptions.add(node.name)
                grown = True
    in_file: dict[str, set[str]] = {}
    for rel, node in classes:
        in_file.setdefault(rel, set()).add(node.name)
    breaks = []
    for rel, node in classes:
        if node.name not in exceptions:
            continue
        where = f"src/wiec/{rel}:{node.lineno} {node.name}"
        base, bases = app_base(rel), _base_names(node)
        if rel != rel.split("/", 1)[0] + "/exceptions.py":
            breaks.append(f"{where}: defined outside its app's exceptions.py")
        elif not node.name.endswith("Error"):
            breaks.append(f"{where}: the name does not end in Error")
        elif node.name == base:
            if bases != ["Exception"]:
                breaks.append(f"{where}: the app's base derives from Exception alone")
        elif not in_file[rel].intersection(bases):
            breaks.append(f"{where}: does not descend from {base}")
    return breaks


def test_orm_writes_only_in_actions() -> None:
    found = orm_writes_outside_actions()
    assert not found, "ORM writes outside actions.py (move them into an action):\n" + "\n".join(
        map(str, found)
    )


def test_domain_code_takes_the_clock_as_an_argument() -> None:
    found = clock_reads_in_domain_code()
    assert not found, "Domain code reads the clock (take at=/today= instead):\n" + "\n".join(
        map(str, found)
    )


def test_every_plain_row_lock_says_why() -> None:
    found = unexplained_row_locks()
    assert not found, (
        "select_for_update() without no_key=True and without a comment on its line or the "
        "line above saying why FOR UPDATE is needed:\n" + "\n".join(map(str, found))
    )


def test_no_file_storage_io_inside_a_transaction() -> None:
    """Storage may be slow (S3); a transaction, and the row locks it holds, must not wait on it.
    Write files before the transaction and delete them in `transaction.on_commit`."""
    found = storage_io_in_transactions()
    assert not found, "File storage I/O inside transaction.atomic():\n" + "\n".join(map(str, found))


def test_every_domain_failure_follows_the_exception_rule() -> None:
    files = [(rel, tree) for rel, tree, _ in source_files()]
    assert exception_rule_breaks(files) == []


@pytest.mark.parametrize(
    ("rel", "code", "broken"),
    [
        ("polls/exceptions.py", "class PollsError(Exception): pass", False),
        (
            "polls/exceptions.py",
            "class PollsError(Exception): pass\nclass NoQuestionsError(PollsError): pass",
            False,
        ),
        (
            "ideas/exceptions.py",
            "class IdeasError(Exception): pass\nclass HiddenError(IdeasError, Http404): pass",
            False,
        ),
        ("polls/actions.py", "class NoQuestionsError(ValueError): pass", True),
        (
            "polls/exceptions.py",
            "class PollsError(Exception): pass\nclass NoQuestions(PollsError): pass",
            True,
        ),
        ("polls/exceptions.py", "class NoQuestionsError(Exception): pass", True),
        ("polls/exceptions.py", "class PollsError(ValueError): pass", True),
        ("polls/queries.py", "class Base(Exception): pass\nclass Child(Base): pass", True),
        ("tally/pabulib.py", "class PabulibError(ValueError): pass", False),
        ("polls/queries.py", "class Form(forms.Form): pass", False),
    ],
)
def test_exception_rule_detector(rel: str, code: str, broken: bool) -> None:
    assert bool(exception_rule_breaks([(rel, ast.parse(code))])) is broken


def test_every_exception_names_a_file_that_exists() -> None:
    for key in [*WRITE_EXCEPTIONS, *CLOCK_EDGES]:
        path = key.split("::")[0]
        assert "*" in path or (SRC / path).is_file(), key


# The detectors themselves, on snippets: each must see what it is meant to see, and only that.
@pytest.mark.parametrize(
    ("code", "writes"),
    [
        ("idea.save()", True),
        ("idea.save(update_fields=['title'])", True),
        ("comment.delete()", True),
        ("Idea.objects.create(title='x')", True),
        ("idea.photos.create(position=1)", True),
        ("Idea.objects.filter(pk=1).update(title='x')", True),
        ("type(obj)._default_manager.filter(pk=1).update(hidden_at=None)", True),
        ("Support.objects.bulk_create(rows)", True),
        ("Place.objects.get_or_create(name='x')", True),
        ("user.emailaddress_set.update(verified=True)", True),
        ("image.save(out, 'PNG')", False),
        ("field.storage.delete(field.name)", False),
        ("cache.delete(key)", False),
        ("context.update(settings=settings)", False),
        ("Idea.objects.filter(pk=1).count()", False),
    ],
)
def test_write_detector(code: str, writes: bool) -> None:
    call = ast.parse(code, mode="eval").body
    assert isinstance(call, ast.Call)
    assert is_orm_write(call) is writes


@pytest.mark.parametrize(
    ("code", "io"),
    [
        ("item.image.save('photo.jpg', ContentFile(data), save=False)", True),
        ("field.storage.delete(field.name)", True),
        ("default_storage.save(name, content)", True),
        ("item.save()", False),
        ("image.save(out)", False),
    ],
)
def test_storage_detector(code: str, io: bool) -> None:
    call = ast.parse(code, mode="eval").body
    assert isinstance(call, ast.Call)
    assert is_storage_io(call) is io


@pytest.mark.parametrize(
    ("code", "reads"),
    [
        ("timezone.now()", True),
        ("timezone.localdate()", True),
        ("datetime.now(UTC)", True),
        ("date.today()", True),
        ("phase_at(box, at=at)", False),
        ("timezone.make_aware(value)", False),
    ],
)
def test_clock_detector(code: str, reads: bool) -> None:
    call = ast.parse(code, mode="eval").body
    assert isinstance(call, ast.Call)
    assert is_clock_call(call) is reads
