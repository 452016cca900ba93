package org.sdvp.viper.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What may share a pooled context: ordinary ViperGPT programs yes, anything reaching shared state no. */
class ProgramScreenTest {

    private static void passes(String source) {
        assertEquals(Optional.empty(), ProgramScreen.check(source), source);
    }

    private static void fails(String source, String why) {
        Optional<String> r = ProgramScreen.check(source);
        assertTrue(r.isPresent(), () -> "passed: " + source);
        assertTrue(r.get().contains(why), () -> "reason '" + r.get() + "' for: " + source);
    }

    @Test
    void theAllowedImportsAreTheModulesTheSessionPreloadsAndChecks() {
        Session s = Session.open(
                org.sdvp.viper.sandbox.PythonSandbox.shared(), org.sdvp.viper.sandbox.SandboxLimits.defaults(), 2);
        try {
            var preloaded = s.context()
                    .eval("python", "' '.join(sorted(_SDVP_IMPORTS))")
                    .asString();
            assertEquals(String.join(" ", new java.util.TreeSet<>(ProgramScreen.IMPORTS)), preloaded);
        } finally {
            s.close();
        }
    }

    @Test
    void ordinaryProgramsPass() {
        passes("""
                import math
                from collections import Counter
                def execute_command(image) -> str:
                    image_patch = ImagePatch(image)
                    cubes = sorted(image_patch.find("cube"), key=lambda p: p.horizontal_center)
                    d = {}
                    d["n"] = len(cubes)          # subscript assignment: the program's own dict
                    total = 0
                    total += d["n"]
                    for i, cube in enumerate(cubes):
                        if cube.verify_property("cube", "red") and cube.compute_depth() < 5:
                            return f"{cube.simple_query('What is it?')} at {i}"
                    f = lambda x=math.pi: x
                    return bool_to_yesno(total > 0 and image_patch.exists('sphere'))
                """);
        passes("def execute_command(IMAGE):\n    BOX0 = _vp_loc(IMAGE, 'red cube')\n    return len(BOX0)\n");
        passes("def execute_command(image):\n    return 'a = b.c, __class__, getattr'\n"); // text only
        passes(
                "def execute_command(image):\n    print(image, end='')\n    return [p for p in image.find('x') if p.width > 1]\n");
    }

    @Test
    void namesAndAttributesThatReachSharedStateFail() {
        fails("def execute_command(image):\n    return image.__class__\n", "name __class__");
        fails("def execute_command(image):\n    return _API\n", "name _API");
        fails("def execute_command(image):\n    return __builtins__\n", "name __builtins__");
        fails("def execute_command(image):\n    return image._vp_loc\n", "name _vp_loc");
        fails("def execute_command(image):\n    return getattr(image, 'find')\n", "builtin getattr");
        fails("def execute_command(image):\n    return vars()\n", "builtin vars");
        fails("def execute_command(image):\n    return eval('1')\n", "builtin eval");
        fails("def g():\n    yield 1\ndef execute_command(image):\n    return g().gi_frame\n", "attribute gi_frame");
        fails(
                "import collections.abc\ndef execute_command(image):\n    collections.abc.Mapping.register(list)\n",
                "attribute register");
        fails("def execute_command(image):\n    return f'{image.__class__}'\n", "name __class__");
        fails("def execute_command(image):\n    return F\"{ getattr(image, 'x') }\"\n", "builtin getattr");
    }

    @Test
    void attributeTargetsFail() {
        fails("def execute_command(image):\n    ImagePatch.find = None\n", "attribute assignment");
        fails("def execute_command(image):\n    x = image.left = 3\n", "attribute assignment");
        fails("def execute_command(image):\n    image.left += 1\n", "attribute assignment");
        fails("def execute_command(image):\n    if True: math.pi = 3\n", "attribute assignment");
        fails("def execute_command(image):\n    a, image.x = 1, 2\n", "attribute assignment");
        fails("def execute_command(image):\n    del image.left\n", "attribute deletion");
        fails("def execute_command(image):\n    for image.x in range(3):\n        pass\n", "loop target");
        fails("def execute_command(image):\n    return [1 for image.x in range(3)]\n", "loop target");
        fails("def execute_command(image):\n    s = f\"(\"\n    image.x = 1\n", "attribute assignment");
    }

    @Test
    void importsCoroutinesAndLateCodeFail() {
        fails("import sys\ndef execute_command(image):\n    return 1\n", "import sys");
        fails("import math, os\ndef execute_command(image):\n    return 1\n", "import os");
        fails("import math as m, random as r\ndef execute_command(image):\n    return 1\n", "import random");
        fails("from os import path\ndef execute_command(image):\n    return 1\n", "import from os");
        fails("from . import x\ndef execute_command(image):\n    return 1\n", "import from .");
        fails("async def execute_command(image):\n    return 1\n", "builtin async");
        fails("def g():\n    try:\n        yield 1\n    finally:\n        pass\n", "generator with cleanup");
        fails("def execute_command(image):\n    return 'unterminated\n", "unreadable");
    }
}
