import { EventEmitter } from "node:events";
import { describe, expect, it, vi } from "vitest";

// A worker process that cannot start (EAGAIN, EACCES, an antivirus blocking node.exe) emits
// 'error' and never 'exit'. Its job must end there, or a batch that leaves files to the jobs would
// wait for it for ever.
const fork = vi.hoisted(() => vi.fn());
vi.mock("node:child_process", async (importOriginal) => ({ ...(await importOriginal<typeof import("node:child_process")>()), fork }));
// The suite shares one module graph (vitest.config.ts, isolate: false): this file imports its own copy.
vi.resetModules();
const { startJob } = await import("../../src/cli/batch/job.js");

describe("a worker process that cannot start", () => {
  it("ends its job with the system's reason", async () => {
    const child = Object.assign(new EventEmitter(), { pid: undefined, connected: false, kill: vi.fn() });
    fork.mockReturnValue(child);
    const exit = vi.fn();
    startJob(new URL("file:///scnc/dist/cli.js"), "processes", { reply: vi.fn(), exit });
    child.emit("error", Object.assign(new Error("spawn EAGAIN"), { code: "EAGAIN" }));
    expect(exit).toHaveBeenCalledExactlyOnceWith("spawn EAGAIN");
    expect(child.kill).not.toHaveBeenCalled();
    expect(fork.mock.calls[0]?.[2]).toMatchObject({ windowsHide: true, serialization: "advanced" });
  });
});
