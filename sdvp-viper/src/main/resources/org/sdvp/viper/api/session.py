# Runs programs in a context that already holds the API prelude (this project's own code).
#
# A context is reused for many programs (see docs/viper.md, "Reused contexts"). Each program gets a fresh
# global namespace (a copy of the prelude's pristine globals) and its own host bridge. Two independent
# defences keep one program from influencing the next:
#
# 1. ProgramScreen (host side), before the program runs: a program may stay in the context only if it
#    cannot reach shared state: no name or attribute starting with '_' (so no __globals__, __dict__,
#    __class__, __builtins__, _API, ...) except the translator's _vp_ helpers, no frame/code/generator
#    attributes, no attribute assignment or deletion, no reflective builtins (getattr, setattr, vars,
#    globals, eval, exec, ...), imports only of the stateless modules loaded here in advance, no
#    coroutine and no generator with cleanup code (either could run later, during another program). A
#    program that fails the screen still runs, with the same sandbox and limits, and the context is
#    closed after it.
# 2. _sdvp_clean, after the program: compares the shared interpreter state with a snapshot taken when the
#    context was made (builtins, sys, the allowed modules' dictionaries and their public mutable
#    containers, the set of loaded modules, sys.path & co, the recursion limit, trace/profile hooks, the
#    prelude's globals and classes, and the code, defaults and attributes of every prelude function).
#    Any difference closes the context.

import builtins as _builtins
import math, cmath, itertools, functools, operator, string, re, collections, collections.abc  # noqa: E401
import heapq as _heapq  # collections.Counter.most_common imports it on first use

_MISSING = object()
_FALLBACK = compile('def execute_command(image, *more_images):\n'
                    '    return ImagePatch(image).simple_query(_fallback_question)\n', 'fallback.py', 'exec')
_PRISTINE = {k: v for k, v in globals().items() if not k.startswith('_sdvp')}
for _k in ('_heapq', 'math', 'cmath', 'itertools', 'functools', 'operator', 'string', 're', 'collections', '_k'):
    _PRISTINE.pop(_k, None)

# Modules a pooled program may import (ProgramScreen.IMPORTS), loaded above so that importing them
# changes nothing.
_SDVP_IMPORTS = ('math', 'cmath', 'itertools', 'functools', 'operator', 'string', 're', 'collections',
                 'collections.abc')


def _sdvp_begin(bridge):
    global _API
    _API = bridge
    ns = dict(_PRISTINE)
    ns['__name__'] = '__program__'
    ns['_API'] = bridge
    return ns


def _sdvp_compile(ns, source):
    # None when the program compiled and its module code ran; otherwise "line:column:message" or "missing".
    try:
        code = compile(source, _PROGRAM_FILE, 'exec')
    except SyntaxError as e:
        return '%d:%d:%s' % (e.lineno or 0, e.offset or 0, e.msg)
    except (ValueError, TypeError) as e:
        return '0:0:%s' % (e,)
    exec(code, ns)
    entry = ns.get('execute_command')
    if not callable(entry):
        return 'missing'
    return None


def _sdvp_fallback(ns, question):
    ns['_fallback_question'] = question
    exec(_FALLBACK, ns)


def _sdvp_call(ns, *args):
    return ns['execute_command'](*args)


def _sdvp_end():
    global _API
    _API = None


# The check runs after every program. Measured in GraalPy's interpreter (no JIT on HotSpot), plain
# Python loops are faster here than builtins over whole lists (list(d), map(operator.is_, ...)).
def _sdvp_functions():
    # Every function of the prelude, also methods: their code, defaults and attributes could be swapped
    # without rebinding the function. (GraalPy builds a new tuple for each read of __defaults__, so
    # defaults are compared by value; the prelude's defaults are immutable.)
    fns = [v for v in _MAIN.values() if type(v) is type(_sdvp_end)]
    for c in (ImagePatch, ViperModelError):
        fns.extend(v for v in c.__dict__.values() if type(v) is type(_sdvp_end))
    return [(f, f.__code__, f.__defaults__, f.__kwdefaults__, dict(f.__dict__)) for f in fns]


def _sdvp_containers():
    # Public mutable containers of sys and of the modules a pooled program may import.
    live = [_sys.path, _sys.meta_path, _sys.path_hooks, _PRISTINE]
    for name in _SDVP_IMPORTS:
        for k, v in _sys.modules[name].__dict__.items():
            t = type(v)
            if not k.startswith('_') and (t is list or t is dict or t is set or t is bytearray):
                live.append(v)
    return live, [type(v)(v) for v in live]


def _sdvp_dicts():
    mods = [_builtins, _sys] + [_sys.modules[n] for n in _SDVP_IMPORTS]
    dicts = [m.__dict__ for m in mods] + [_MAIN, ImagePatch.__dict__, ViperModelError.__dict__]
    return [(d, list(d), list(d.values())) for d in dicts]


def _sdvp_clean():
    if len(_sys.modules) != len(_MODULES) or frozenset(_sys.modules) != _MODULES \
            or _sys.getrecursionlimit() != _RECURSION_LIMIT:
        return False
    if _sys.gettrace() is not None or _sys.getprofile() is not None:
        return False
    for d, keys, values in _SNAPSHOT:
        if len(d) != len(keys):
            return False
        get = d.get
        for k, v in zip(keys, values):
            if get(k, _MISSING) is not v:
                return False
    live, copies = _CONTAINERS
    if live != copies:
        return False
    for f, code, defaults, kwdefaults, attrs in _FUNCTIONS:
        if f.__code__ is not code or f.__defaults__ != defaults or f.__kwdefaults__ != kwdefaults \
                or f.__dict__ != attrs:
            return False
    return True


_MAIN = globals()
_MODULES = frozenset(_sys.modules)
_RECURSION_LIMIT = _sys.getrecursionlimit()
# Filled in place, so the bindings themselves are part of what the snapshot sees unchanged.
_SNAPSHOT = []
_CONTAINERS = []
_FUNCTIONS = []
_SNAPSHOT.extend(_sdvp_dicts())
_CONTAINERS.extend(_sdvp_containers())
_FUNCTIONS.extend(_sdvp_functions())
