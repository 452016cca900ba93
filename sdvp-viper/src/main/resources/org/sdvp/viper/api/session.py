# Runs programs in a context that already holds the API prelude (this project's own code).
#
# Each program gets a fresh global namespace (a copy of the prelude's pristine globals) and its own host
# bridge. When a context is reused for several programs, _sdvp_clean() checks afterwards that the program
# left the shared interpreter state alone (builtins, sys, the loaded modules, the prelude's globals and
# classes); if not, the host discards the context, so no program can influence the next one that way.

import builtins as _builtins

_MISSING = object()
_FALLBACK = compile('def execute_command(image, *more_images):\n'
                    '    return ImagePatch(image).simple_query(_fallback_question)\n', 'fallback.py', 'exec')
_PRISTINE = {k: v for k, v in globals().items() if not k.startswith('_sdvp')}


def _sdvp_begin(bridge):
    global _API
    _API = bridge
    ns = dict(_PRISTINE)
    ns['__name__'] = '__program__'
    ns['_API'] = bridge
    return ns


def _sdvp_compile(ns, source):
    # None when the program compiled and its module code ran; otherwise "line:column:message".
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


def _sdvp_snapshot():
    return [(dict(d), d) for d in (_builtins.__dict__, _sys.__dict__, _MAIN)] + \
           [(dict(c.__dict__), c.__dict__) for c in (ImagePatch, ViperModelError)]


def _sdvp_clean():
    if frozenset(_sys.modules) != _MODULES or _sys.getrecursionlimit() != _RECURSION_LIMIT:
        return False
    for snap, live in _SNAPSHOT:
        if len(live) != len(snap):
            return False
        for k, v in snap.items():
            if live.get(k, _MISSING) is not v:
                return False
    return True


_MAIN = globals()
_MODULES = frozenset(_sys.modules)
_RECURSION_LIMIT = _sys.getrecursionlimit()
_SNAPSHOT = []
# Filled in place, so the binding itself is part of what the snapshot sees unchanged.
_SNAPSHOT.extend(_sdvp_snapshot())
