import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chromeWords, isChromeLine, mayBeChromeLine } from '../../src/text/site-chrome.js';
import { parsePlan } from '../../src/parse/parse-plan.js';
import { seed } from '../seeds.js';

/** The cheap look normalizeText takes before running the chrome patterns on a line. */
const mayBe = (line: string) => chromeWords(line).length > 0 || mayBeChromeLine(line, 0, line.length);

const PIECES = [
  ' ', '  ', '\t', '\u3000', '\u00a0', '\u2000', '\u200b', '\r', '\u2028', ':', '：', '>', '/', '_', '.', '1', '23',
  '您现在的位置', '当前位置', '所在位置', '首页', '上传人', '文档编号', '上传时间', 'plan', '.docx', '.DOC', '.pdf', '.wpſ', '.WPS', '.pptx',
  '.txt', '_第2页', '第', '页', '共', '下载', '相关', '举报', '资源描述', '展开阅读全文', '收藏', '分享', '打印本页', '【打印】', '【关闭】',
  '关闭窗口', '返回顶部', '该文档总共', '超出免费预览', '如果喜欢就下载', '由会员分享', '可在线阅读', 'Copyright', 'COPYRIGHT', '版权所有',
  'icp备', '经营许可证', '网站标识码', '公网安备', '本站为文档', '仅提供信息存储空间', '请立即通知', '删除', '新媒体', '微信', '微博',
  '手机版', '扫一扫', '二维码', '中山市', '科学', '𠀀', '一、', '实施方案',
];

describe('site chrome', () => {
  it('never passes over a chrome line in its cheap look', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }), (pieces) => {
        const line = pieces.join('');
        if (isChromeLine(line)) expect(mayBe(line)).toBe(true);
        // A repeated token line, whatever the token.
        const rep = `${pieces.slice(0, 2).join('')} ${pieces.slice(0, 2).join('')}`;
        if (isChromeLine(rep)) expect(mayBe(rep)).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });
  it('recognises the usual chrome lines', () => {
    for (const line of ['您现在的位置: 首页 >> 政务公开', '  第 1 页 / 共 3 页', '微信 微信', '中山市 中山市 中山市', 'plan.docx', '【打印】', 'Copyright 2022']) {
      expect(isChromeLine(line)).toBe(true);
      expect(mayBe(line)).toBe(true);
    }
    expect(isChromeLine('Copyright © 2022 兰州市人民政府 版权所有 陇ICP备12345678号-1 甘公网安备 62010202000001号 网站标识码:6201000001')).toBe(true);
  });
  it('keeps a line of the plan that uses a footer word, and any long line', () => {
    // After width folding, as the normaliser asks.
    expect(isChromeLine('(二)主要目标。加强科普出版物版权所有权保护,规范科普场馆经营许可证管理。')).toBe(false);
    expect(isChromeLine('规范科普场馆经营许可证管理;加强版权所有权保护')).toBe(false);
    // Unfolded too (the comparison reads lines as written).
    expect(isChromeLine('规范科普场馆经营许可证管理；加强版权所有权保护')).toBe(false);
    const plan = '到2025年,全市公民具备科学素质的比例达到15%。'.repeat(10);
    expect(isChromeLine(`${plan} 版权所有:兰州市人民政府 陇ICP备12345678号`)).toBe(false);
    expect(isChromeLine(`您现在的位置: 首页 >> 政务公开 ${plan}`)).toBe(false);
  });
});

describe('site chrome in a whole plan', () => {
  it('loses neither the target line that mentions 版权所有 nor a plan flattened to one line with a footer or a breadcrumb', () => {
    const text = seed(0).text;
    const headline = (t: string) => parsePlan(t).targets.map((x) => [x.value, x.year]);
    expect(headline(text)).toEqual([[15, 2025]]);
    const withWord = text.replace('(二)主要目标。', '(二)主要目标。加强科普出版物版权所有权保护。');
    expect(withWord).not.toBe(text);
    expect(headline(withWord)).toEqual([[15, 2025]]);
    const flat = text.replace(/\r?\n/gu, '');
    for (const variant of [`${flat} 版权所有:兰州市人民政府 陇ICP备12345678号`, `您现在的位置: 首页 >> 政务公开 ${flat}`]) {
      expect(parsePlan(variant).region?.name).toBe('兰州市');
      expect(headline(variant)).toEqual([[15, 2025]]);
    }
  });
});
