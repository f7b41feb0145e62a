import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { receiveMessages } from '../../electron/main/application/PackageService';
import { createPackageReceiver, type PackageWindow } from '../../electron/main/createPackageReceiver';
import { articleContentSchema } from '../../shared/articleModel';
import { packageReceivedReportSchema } from '../../shared/ipcContract';
import type { PackageReceivedReport } from '../../shared/packageReceivedReport';
import { cannedDialogs, openTestSession, type TestSession } from '../support/openTestSession';
import { useTemporaryDirectories } from '../support/temporaryDirectory';

/** A window that records what main asks of it, in order; `beforeSaved` runs while it "saves its pending edits". */
class RecordingWindow implements PackageWindow {
  readonly calls: string[] = [];
  readonly reports: PackageReceivedReport[] = [];
  beforeSaved: () => Promise<void> = async () => {};

  async savePendingEdits() {
    this.calls.push('save');
    await this.beforeSaved();
  }

  report(report: PackageReceivedReport) {
    this.calls.push(`report ${report.fileName}`);
    this.reports.push(report);
  }
}

describe('createPackageReceiver: main receives a package opened outside the window and reports to it', () => {
  const temporaryDirectory = useTemporaryDirectories();
  const quiet = () => undefined;

  async function library(who: string): Promise<TestSession> {
    const outbox = await temporaryDirectory();
    const session = await openTestSession(await temporaryDirectory(), {
      dialogs: cannedDialogs({ packagePath: (suggested) => join(outbox, `${who}-${suggested}`) }),
    });
    await session.handlers['settings:update']({ userName: who, userRole: 'editor' });
    return session;
  }

  async function send(session: TestSession, id: string): Promise<string> {
    await session.flush();
    const sent = await session.handlers['package:send']({ id });
    if (sent.status !== 'saved') throw new Error('not sent');
    return sent.path;
  }

  it('saves the window’s pending edits first, then receives and reports: created, or both kept when edits changed this side', async () => {
    const reporter = await library('Ngọc Sơn');
    const article = await reporter.handlers['article:create']({});
    const content = articleContentSchema.parse(article);
    const first = await reporter.handlers['article:save']({
      id: article.id,
      baseRevision: article.revision,
      content: { ...content, title: 'Cầu Rồng phun lửa', sapo: 'Bản đầu' },
    });
    const firstPackage = await send(reporter, article.id);

    // A library that does not have the article yet: created.
    const newcomer = await library('Thu Hà');
    const newcomerWindow = new RecordingWindow();
    const created = await createPackageReceiver(newcomer, newcomerWindow, quiet).receive(firstPackage);
    expect(created).toEqual({
      fileName: 'Ngọc Sơn-cau-rong-phun-lua.banthao',
      ok: true,
      outcome: { status: 'created', articleId: article.id, title: 'Cầu Rồng phun lửa', message: receiveMessages.created },
    });
    expect(newcomerWindow.calls).toEqual(['save', 'report Ngọc Sơn-cau-rong-phun-lua.banthao']);
    expect(newcomerWindow.reports).toEqual([created]);
    expect(packageReceivedReportSchema.parse(created)).toEqual(created);

    // The editor changes the text and sends it back.
    const editor = await library('Minh Anh');
    await editor.handlers['package:receiveBytes']({
      fileName: 'goi.banthao',
      bytes: new Uint8Array(await readFile(firstPackage)),
    });
    const atEditor = await editor.handlers['article:get']({ id: article.id });
    await editor.handlers['article:save']({
      id: article.id,
      baseRevision: atEditor.revision,
      content: { ...articleContentSchema.parse(atEditor), sapo: 'Bản của biên tập viên' },
    });
    const backPackage = await send(editor, article.id);

    // The reporter double-clicks it while typing: the window saves the sapo typed last before the package is looked at,
    // so that sapo counts as a change of the reporter's: both sides changed, nothing is overwritten.
    const reporterWindow = new RecordingWindow();
    reporterWindow.beforeSaved = async () => {
      await reporter.handlers['article:save']({
        id: article.id,
        baseRevision: first.revision,
        content: { ...content, title: 'Cầu Rồng phun lửa', sapo: 'Gõ ngay trước khi mở gói' },
      });
    };
    const received = await createPackageReceiver(reporter, reporterWindow, quiet).receive(backPackage);
    expect(received).toMatchObject({ ok: true, outcome: { status: 'conflict', articleId: article.id, message: receiveMessages.conflict } });
    expect(reporterWindow.calls).toEqual(['save', 'report Minh Anh-cau-rong-phun-lua.banthao']);
    expect(await reporter.handlers['article:get']({ id: article.id })).toMatchObject({ sapo: 'Gõ ngay trước khi mở gói' });
    expect(await reporter.handlers['conflict:get']({ id: article.id })).toMatchObject({ theirs: { sapo: 'Bản của biên tập viên' } });
  });

  it('reports a missing or damaged file in Vietnamese, and goes on with the next package', async () => {
    const session = await library('Ngọc Sơn');
    const window = new RecordingWindow();
    const receiver = createPackageReceiver(session, window, quiet);
    const folder = await temporaryDirectory();
    const damaged = join(folder, 'hong.banthao');
    await writeFile(damaged, 'không phải tệp zip');
    // Asked together: the second waits for the first (one receive at a time).
    const [missing, invalid] = await Promise.all([receiver.receive(join(folder, 'khong-co.banthao')), receiver.receive(damaged)]);
    expect(missing).toEqual({ fileName: 'khong-co.banthao', ok: false, error: { code: 'not-found', message: expect.any(String) } });
    expect(invalid).toMatchObject({ fileName: 'hong.banthao', ok: false, error: { code: 'invalid-package' } });
    expect(window.calls).toEqual(['save', 'report khong-co.banthao', 'save', 'report hong.banthao']);
    for (const report of [missing, invalid]) {
      if (report.ok) throw new Error('received');
      expect(report.error.message).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
      expect(report.error.message).not.toContain(folder);
      expect(packageReceivedReportSchema.parse(report)).toEqual(report);
    }
  });

  it('reports an unforeseen failure with the fixed sentence and logs the cause', async () => {
    const session = await library('Ngọc Sơn');
    const logged: string[] = [];
    const window = new RecordingWindow();
    window.beforeSaved = async () => {
      throw new Error('ENOSPC /home/son/secret');
    };
    const report = await createPackageReceiver(session, window, (context) => logged.push(context)).receive('/tmp/bai.banthao');
    expect(report).toEqual({ fileName: 'bai.banthao', ok: false, error: { code: 'internal', message: expect.any(String) } });
    expect(JSON.stringify(report)).not.toContain('secret');
    expect(logged).toEqual(['không nhận được gói bai.banthao']);
  });
});
