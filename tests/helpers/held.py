"""The real `bangtin` command in a child process that a test can hold at a stage.

The child runs `desktop.cli.main` with one addition, installed before the
command runs: the progress callback of `import_bundle` (or of `build_bundle`,
or of `import_receipt`) is wrapped, and when the command reaches the chosen
stage the wrapper writes the stage's name to a pipe the test reads and then, when asked to hold,
blocks reading a second pipe until the test writes to it or closes it. The
test waits on the first pipe with select(), never with sleep.

So a test can stop an import inside its write transaction, run another
command beside it, and let it go on.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from tests.helpers.cli import TIMEOUT, Cli, Result

HOOK = r"""
import os
import sys

STAGE = os.environ["BANGTIN_TEST_STAGE"]
AT = int(os.environ["BANGTIN_TEST_AT"])
TELL = int(os.environ["BANGTIN_TEST_TELL"])
HOLD = int(os.environ["BANGTIN_TEST_HOLD"])


def hooked(progress):
    fired = []

    def report(stage, done, total):
        if stage == STAGE and done >= AT and not fired:
            fired.append(stage)
            os.write(TELL, (stage + "\n").encode())
            if HOLD >= 0:
                os.read(HOLD, 1)
        if progress is not None:
            progress(stage, done, total)

    return report


from desktop.bundles import builder, importer

real_import = importer.import_bundle
real_build = builder.build_bundle


def import_bundle(archive, path, *, progress=None, **options):
    return real_import(archive, path, progress=hooked(progress), **options)


def build_bundle(*args, progress=None, **options):
    return real_build(*args, progress=hooked(progress), **options)


importer.import_bundle = import_bundle
builder.build_bundle = build_bundle

from desktop.receipts import importer as receipt_importer

real_receipt_import = receipt_importer.import_receipt


def import_receipt(archive, path, *, progress=None, **options):
    return real_receipt_import(archive, path, progress=hooked(progress), **options)


receipt_importer.import_receipt = import_receipt

from desktop.cli import main

sys.exit(main(sys.argv[1:]))
"""


@dataclass
class Held:
    """A `bangtin` child that reports (and maybe waits) at one stage."""

    proc: subprocess.Popen[bytes]
    tell: int
    hold: int | None
    args: tuple[str, ...]
    result: Result | None = None

    def reached(self, timeout: float = TIMEOUT) -> bool:
        """Wait until the child reaches its stage; False if it ended first."""
        ready, _, _ = select.select([self.tell], [], [], timeout)
        if not ready:
            return False
        return os.read(self.tell, 100) != b""

    def release(self) -> None:
        """Let a held child go on."""
        if self.hold is not None:
            try:
                os.write(self.hold, b"go")
            except BrokenPipeError:  # the child is gone already
                pass
            os.close(self.hold)
            self.hold = None

    def finish(self, timeout: float = TIMEOUT) -> Result:
        """Let it go and wait for it to end."""
        self.release()
        if self.result is None:
            out, err = self.proc.communicate(timeout=timeout)
            os.close(self.tell)
            self.result = Result(
                self.args, self.proc.returncode, out.decode("utf-8"), err.decode("utf-8")
            )
        return self.result

    def kill(self) -> None:
        """End the child as a power cut would."""
        self.proc.kill()
        self.finish()


def start_held(
    cli: Cli, args: Sequence[str | os.PathLike[str]], *, stage: str, at: int = 0, hold: bool = True
) -> Held:
    """Start `bangtin ARGS` that reports reaching *stage* (with *at* done), and holds if asked."""
    tell_r, tell_w = os.pipe()
    hold_r, hold_w = os.pipe() if hold else (-1, -1)
    argv = tuple(str(a) for a in args)
    env = dict(
        cli.env,
        BANGTIN_TEST_STAGE=stage,
        BANGTIN_TEST_AT=str(at),
        BANGTIN_TEST_TELL=str(tell_w),
        BANGTIN_TEST_HOLD=str(hold_r),
    )
    passed = (tell_w, hold_r) if hold else (tell_w,)
    proc = subprocess.Popen(
        [sys.executable, "-c", HOOK, *argv],
        env=env,
        cwd=cli.cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        pass_fds=passed,
    )
    os.close(tell_w)
    if hold:
        os.close(hold_r)
    return Held(proc, tell_r, hold_w if hold else None, argv)
