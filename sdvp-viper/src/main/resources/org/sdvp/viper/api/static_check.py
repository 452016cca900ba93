# Static check of a ViperGPT-style program before anything runs (this project's own code).
#
# Evaluated in a checker context after image_patch.py, so the API's signatures are read from the prelude
# itself (one source of truth for what exists). The program is only parsed (ast.parse): none of its code is
# compiled to run or executed here, so a checker context can check any number of programs.
#
# _sdvp_static_check(source, images) returns a list of "line:column:message" strings, empty when the
# program parses, defines execute_command with one parameter per image, and calls only functions and
# methods that exist with a number of arguments they accept.

import ast as _ast
import builtins as _builtins
import difflib as _difflib
import sys as _sys

# Methods of the values a program handles besides patches (str, list, dict, set, numbers): calling
# answer.lower() or patches.append(p) is fine.
_PLAIN_METHODS = frozenset(n for t in (str, list, dict, set, frozenset, tuple, int, float, bool, bytes)
                           for n in dir(t) if not n.startswith('_'))


def _signature(f, method):
    code = f.__code__
    positional = list(code.co_varnames[:code.co_argcount])
    if method:
        positional = positional[1:]
    keyword_only = list(code.co_varnames[code.co_argcount:code.co_argcount + code.co_kwonlyargcount])
    defaults = len(f.__defaults__ or ())
    required = max(0, len(positional) - defaults)
    varargs = bool(code.co_flags & 0x04)
    return positional, required, varargs, set(positional) | set(keyword_only)


def _api():
    methods = {n: _signature(f, True) for n, f in vars(ImagePatch).items()
               if callable(f) and not n.startswith('_')}
    functions = {n: _signature(f, False) for n, f in globals().items()
                 if n in ('best_image_match', 'distance', 'bool_to_yesno', 'coerce_to_numeric', 'llm_query')
                 or n.startswith('_vp_')}
    functions['ImagePatch'] = _signature(ImagePatch.__init__, True)
    return methods, functions


_METHODS, _FUNCTIONS = _api()
# Other names the prelude gives every program (ViperModelError, ...).
_PRELUDE = frozenset(n for n in globals() if not n.startswith('_'))


def _arity(name, sig, call):
    # A problem with the call's arguments, or None. Calls with *args or **kwargs are not counted.
    positional, required, varargs, names = sig
    if any(isinstance(a, _ast.Starred) for a in call.args) or any(k.arg is None for k in call.keywords):
        return None
    given = len(call.args)
    shown = '%s(%s)' % (name, ', '.join(positional))
    if given > len(positional) and not varargs:
        return '%s takes at most %d argument%s, %d given' % (shown, len(positional),
                                                              '' if len(positional) == 1 else 's', given)
    for k in call.keywords:
        if k.arg not in names:
            return '%s has no parameter %r' % (shown, k.arg)
    covered = given + sum(1 for k in call.keywords if k.arg in positional[given:required])
    if covered < required:
        return '%s needs at least %d argument%s, %d given' % (shown, required, '' if required == 1 else 's',
                                                               covered)
    return None


def _bound_names(tree):
    # Every name the program binds anywhere (assignments, defs, classes, parameters, imports, loops,
    # comprehensions, with/except targets): calls to these are the program's own business.
    names = set()
    modules = {}
    for node in _ast.walk(tree):
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef, _ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, _ast.Name) and isinstance(node.ctx, (_ast.Store, _ast.Del)):
            names.add(node.id)
        elif isinstance(node, _ast.arg):
            names.add(node.arg)
        elif isinstance(node, _ast.Import):
            for a in node.names:
                local = a.asname or a.name.split('.')[0]
                names.add(local)
                modules[local] = a.name if a.asname else a.name.split('.')[0]
        elif isinstance(node, _ast.ImportFrom):
            for a in node.names:
                names.add(a.asname or a.name)
        elif isinstance(node, _ast.ExceptHandler) and node.name:
            names.add(node.name)
    return names, modules


def _own_methods(tree):
    # Methods of the program's own classes: obj.helper() may call one of them.
    return {f.name for c in _ast.walk(tree) if isinstance(c, _ast.ClassDef)
            for f in c.body if isinstance(f, (_ast.FunctionDef, _ast.AsyncFunctionDef))}


def _suggest(name, options):
    # Close spellings, or an API name the unknown one is built on (find_objects -> find).
    close = _difflib.get_close_matches(name, sorted(options), n=2, cutoff=0.6)
    if not close:
        close = [o for o in sorted(options) if len(o) > 3 and (name.startswith(o) or o in name)][:2]
    return ('; did you mean ' + ' or '.join(close) + '?') if close else ''


def _entry(tree, images):
    for node in tree.body:
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef)) and node.name == 'execute_command':
            a = node.args
            positional = [p.arg for p in a.posonlyargs + a.args]
            required = len(positional) - len(a.defaults)
            if required > images or (len(positional) < images and a.vararg is None):
                want = 'execute_command(image)' if images == 1 else \
                    'execute_command(left, right)' if images == 2 else 'execute_command with %d images' % images
                return [(node.lineno, node.col_offset + 1, 'execute_command takes %d parameter%s (%s); it must be %s'
                         % (len(positional), '' if len(positional) == 1 else 's', ', '.join(positional), want))]
            return []
    want = 'execute_command(image)' if images == 1 else 'execute_command(left, right)'
    return [(1, 0, 'the program must define %s at the top level' % want)]


def _sdvp_static_check(source, images):
    try:
        tree = _ast.parse(source, 'program.py', 'exec')
    except SyntaxError as e:
        return ['%d:%d:Python syntax error: %s' % (e.lineno or 0, e.offset or 0, e.msg)]
    except (ValueError, TypeError) as e:
        return ['0:0:Python syntax error: %s' % (e,)]
    problems = _entry(tree, images)
    bound, modules = _bound_names(tree)
    own = _own_methods(tree)
    for node in _ast.walk(tree):
        if not isinstance(node, _ast.Call):
            continue
        f = node.func
        problem = None
        if isinstance(f, _ast.Name):
            if f.id in _FUNCTIONS and f.id not in bound:
                problem = _arity(f.id, _FUNCTIONS[f.id], node)
            elif f.id not in bound and f.id not in _PRELUDE and not hasattr(_builtins, f.id):
                public = [n for n in _FUNCTIONS if not n.startswith('_')]
                problem = 'unknown function %s%s' % (f.id, _suggest(f.id, public))
        elif isinstance(f, _ast.Attribute):
            base = f.value
            module = modules.get(base.id) if isinstance(base, _ast.Name) and base.id in modules else None
            if module is not None:
                loaded = _sys.modules.get(module)
                if loaded is not None and not hasattr(loaded, f.attr):
                    problem = 'module %s has no function %s' % (module, f.attr)
            elif f.attr in _METHODS:
                problem = _arity(f.attr, _METHODS[f.attr], node)
            elif f.attr not in _PLAIN_METHODS and f.attr not in own:
                problem = 'unknown method %s: an ImagePatch has %s%s' % (
                    f.attr, ', '.join(sorted(_METHODS)), _suggest(f.attr, _METHODS))
        if problem is not None:
            problems.append((node.lineno, node.col_offset + 1, problem))
    problems.sort(key=lambda p: (p[0], p[1]))
    return ['%d:%d:%s' % p for p in problems]
