# sdvp's ImagePatch API for ViperGPT-style programs (this project's own implementation).
#
# Evaluated once per sandboxed context, before any program. Everything that touches pixels or models is
# delegated to the host bridge `_API` (only its @HostAccess.Export methods are visible), which session.py
# sets for each program; patches are plain Python objects that hold an integer handle and the bridge of the
# program that made them (so a patch that outlives its program can only reach that program's ended bridge,
# never the next program's), and no host object but the bridge ever reaches program code.
#
# Coordinates (ViperGPT's convention): pixels of the image passed to execute_command, x from its LEFT
# edge, y from its BOTTOM edge. left <= right, lower <= upper. A patch's fields are always in that frame;
# crop() and ImagePatch(image, l, b, r, u) take coordinates relative to the patch they cut from.

import sys as _sys

_API = None
_PROGRAM_FILE = 'program.py'


class ViperModelError(RuntimeError):
    """A model backend could not answer an API call; the program's run fails with this step."""


def _line():
    # The line of the program that made the API call (helpers may sit in between).
    f = _sys._getframe(1)
    while f is not None:
        if f.f_code.co_filename == _PROGRAM_FILE:
            return f.f_lineno
        f = f.f_back
    return 0


def _checked(result, api):
    if result is None:
        kind, _, message = api.last_error().partition(':')
        if kind == 'ValueError':
            raise ValueError(message)
        if kind == 'RuntimeError':
            raise RuntimeError(message)
        raise ViperModelError(message)
    return result


def _handle_of(patch, what):
    if not isinstance(patch, ImagePatch):
        raise TypeError(what + ' must be an ImagePatch, not ' + type(patch).__name__)
    return patch._h


def _patch(handle, api=None):
    p = ImagePatch.__new__(ImagePatch)
    p._bind(handle, _API if api is None else api)
    return p


def _texts(values, what):
    if isinstance(values, str):
        return [values]
    out = [str(v) for v in values]
    if not out:
        raise ValueError(what + ' must not be empty')
    return out


class ImagePatch:
    """A rectangular part of an image: the whole image, a found object or a crop."""

    def __init__(self, image, left=None, lower=None, right=None, upper=None):
        h = _handle_of(image, 'ImagePatch(image)')
        if left is None and lower is None and right is None and upper is None:
            self._bind(h, image._a)
        else:
            self._bind(image._crop(left, lower, right, upper), image._a)

    def _bind(self, h, api):
        self._h = h
        self._a = api
        self.left = api.coord(h, 0)
        self.lower = api.coord(h, 1)
        self.right = api.coord(h, 2)
        self.upper = api.coord(h, 3)
        self.width = self.right - self.left
        self.height = self.upper - self.lower
        self.horizontal_center = (self.left + self.right) / 2
        self.vertical_center = (self.lower + self.upper) / 2
        self._box = (api.exact(h, 0), api.exact(h, 1), api.exact(h, 2), api.exact(h, 3))

    def _crop(self, left, lower, right, upper):
        left = 0 if left is None else left
        lower = 0 if lower is None else lower
        right = self.width if right is None else right
        upper = self.height if upper is None else upper
        return _checked(self._a.crop(self._h, float(left), float(lower), float(right), float(upper)), self._a)

    def find(self, object_name):
        """Every instance of object_name in this patch (grounding model), best first."""
        return [_patch(h, self._a) for h in _checked(self._a.find(self._h, str(object_name), _line()), self._a)]

    def exists(self, object_name):
        """Whether at least one object_name is in this patch (grounding model)."""
        return bool(_checked(self._a.exists(self._h, str(object_name), _line()), self._a))

    def verify_property(self, object_name, property):
        """Whether the text "property object_name" matches this patch (image-text matching, p > 0.5)."""
        return bool(_checked(self._a.verify_property(self._h, str(object_name), str(property), _line()), self._a))

    def best_text_match(self, option_list, prefix=None):
        """The option whose text ("prefix option" if a prefix is given) best matches this patch."""
        options = _texts(option_list, 'option_list')
        return str(_checked(self._a.best_text_match(self._h, options, '' if prefix is None else str(prefix),
                                                    _line()), self._a))

    def simple_query(self, question=None):
        """A short answer about this patch (visual question answering)."""
        q = 'What is this?' if question is None else str(question)
        return str(_checked(self._a.simple_query(self._h, q, _line()), self._a))

    def compute_depth(self):
        """Relative distance from the camera (larger is farther); see docs/viper.md for its source."""
        return float(self._a.depth(self._h))

    def crop(self, left, lower, right, upper):
        """The part of this patch inside the box, in coordinates relative to this patch."""
        return _patch(self._crop(left, lower, right, upper), self._a)

    def overlaps_with(self, left, lower, right, upper):
        """Whether this patch meets the box (given in the frame of the patch fields)."""
        return self.left <= right and self.right >= left and self.lower <= upper and self.upper >= lower

    def llm_query(self, question, long_answer=True):
        return llm_query(question, None, long_answer)

    def __repr__(self):
        return 'ImagePatch(left=%s, lower=%s, right=%s, upper=%s)' % (self.left, self.lower, self.right,
                                                                   self.upper)


def best_image_match(list_patches, content, return_index=False):
    """The patch that best matches any of the content texts (image-text matching); None if no patches."""
    patches = list(list_patches)
    if not patches:
        return None
    handles = [_handle_of(p, 'best_image_match: each patch') for p in patches]
    api = patches[0]._a
    index = int(_checked(api.best_image_match(handles, _texts(content, 'content'), _line()), api))
    return index if return_index else patches[index]


def distance(patch_a, patch_b):
    """Numbers: |a - b|. Patches: the gap between their edges, or minus their IoU when they overlap."""
    if isinstance(patch_a, ImagePatch) and isinstance(patch_b, ImagePatch):
        dx = max(0, patch_b.left - patch_a.right, patch_a.left - patch_b.right)
        dy = max(0, patch_b.lower - patch_a.upper, patch_a.lower - patch_b.upper)
        if dx > 0 or dy > 0:
            return (dx * dx + dy * dy) ** 0.5
        iw = min(patch_a.right, patch_b.right) - max(patch_a.left, patch_b.left)
        ih = min(patch_a.upper, patch_b.upper) - max(patch_a.lower, patch_b.lower)
        inter = max(0, iw) * max(0, ih)
        union = patch_a.width * patch_a.height + patch_b.width * patch_b.height - inter
        return -(inter / union) if union > 0 else 0.0
    return abs(patch_a - patch_b)


def bool_to_yesno(bool_answer):
    return 'yes' if bool_answer else 'no'


def coerce_to_numeric(text):
    """The first number in text ("3 cubes" -> 3), for answers that should be numbers."""
    if isinstance(text, (int, float)):
        return text
    digits = ''
    for ch in str(text):
        if ch.isdigit() or (ch == '.' and digits and '.' not in digits):
            digits += ch
        elif digits:
            break
    if not digits:
        raise ValueError('no number in ' + repr(text))
    return float(digits) if '.' in digits else int(digits)


def llm_query(query, context=None, long_answer=True):
    """A text-only question to the language model the run was given (RuntimeError if none)."""
    question = str(query) if context is None else str(context) + '\n' + str(query)
    if _API is None:
        raise RuntimeError('llm_query called outside a program run')
    api = _API
    return str(_checked(api.llm_query(question, _line()), api))


# --- VisProg step equivalents, used by programs translated from VisProg (VisProgTranslator) -------------
# Each reproduces the core module's semantics on patches, with the same model calls.

def _vp_coerce(v):
    # EVAL placeholders: "yes"/"no" -> bool, decimal text -> number (as org.sdvp.core.expr.Coercions).
    if isinstance(v, str):
        s = v.strip()
        if s.lower() == 'yes':
            return True
        if s.lower() == 'no':
            return False
        body = s[1:] if s[:1] in '+-' else s
        whole, dot, frac = body.partition('.')
        if whole.isdigit() and whole.isascii() and (not dot or (frac.isdigit() and frac.isascii())):
            return float(s) if dot else int(s)
    return v


def _vp_xor(a, b):
    if not isinstance(a, bool) or not isinstance(b, bool):
        raise TypeError("'xor' needs two booleans")
    return a != b


def _vp_relabel(patch, label, score=1.0):
    return _patch(patch._a.label(patch._h, str(label), float(score)), patch._a)


def _vp_local(image, patch):
    l, b, r, u = patch._box
    return l - image.left, b - image.lower, r - image.left, u - image.lower


def _vp_cut(image, l, b, r, u):
    # Clamp to the image; fewer than one pixel is an error, as in VisProg's crops.
    l, r = max(0, min(image.width, l)), max(0, min(image.width, r))
    b, u = max(0, min(image.height, b)), max(0, min(image.height, u))
    r, u = max(l, r), max(b, u)
    if r - l < 1 or u - b < 1:
        raise ValueError('crop of an empty region')
    return image.crop(l, b, r, u)


def _vp_loc(image, name):
    key = name.strip().upper()
    w, h = image.width, image.height
    halves = {'TOP': (0, h / 2, w, h), 'BOTTOM': (0, 0, w, h / 2), 'LEFT': (0, 0, w / 2, h), 'RIGHT': (w / 2, 0, w, h)}
    if key in halves:
        return [_vp_relabel(image.crop(*halves[key]), name)]
    return image.find(name)


def _vp_crop(image, boxes):
    if not boxes:
        return image
    l, b, r, u = _vp_local(image, boxes[0])
    cx, cy, hw, hh = (l + r) / 2, (b + u) / 2, (r - l) * 0.75, (u - b) * 0.75
    return _vp_cut(image, cx - hw, cy - hh, cx + hw, cy + hh)


def _vp_side(image, boxes, side):
    w, h = image.width, image.height
    if boxes:
        l, b, r, u = _vp_local(image, boxes[0])
        cx, cy = (l + r) / 2, (b + u) / 2
    else:
        cx, cy = w / 2, h / 2
    if side == 'LEFTOF':
        return _vp_cut(image, 0, 0, cx, h)
    if side == 'RIGHTOF':
        return _vp_cut(image, cx, 0, w, h)
    if side == 'ABOVE':
        return _vp_cut(image, 0, cy, w, h)
    return _vp_cut(image, 0, 0, w, cy)


def _vp_select(image, objects, query, category=None):
    crops = [_vp_crop(image, [o]) for o in objects]
    category = (category or '').strip()
    selected = []
    for q in query.split(','):
        q = q.strip()
        if not q or not objects:
            continue
        i = best_image_match(crops, [q + ' ' + category if category else q], return_index=True)
        selected.append(_vp_relabel(objects[i], q))
    return selected


def _vp_classify(image, objects, categories):
    cats = [c.strip() for c in categories.split(',') if c.strip()]
    if not cats:
        raise ValueError("argument 'categories' names no category")
    return [_vp_relabel(o, _vp_crop(image, [o]).best_text_match(cats)) for o in objects]


def _kind(x):
    # How the host converts a program's result (see ResultConverter).
    if isinstance(x, ImagePatch):
        return 'patch'
    if isinstance(x, bool):
        return 'bool'
    if isinstance(x, (int, float)):
        return 'number'
    if isinstance(x, str):
        return 'str'
    if x is None:
        return 'none'
    if isinstance(x, (list, tuple)):
        if x and all(isinstance(e, ImagePatch) for e in x):
            return 'patches'
        if x and all(isinstance(e, tuple) and len(e) == 2 and isinstance(e[0], ImagePatch)
                     and isinstance(e[1], str) for e in x):
            return 'tagged'
        return 'list'
    return 'other'
