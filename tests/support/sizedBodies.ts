// Article bodies of chosen sizes, all built with loops: a recursive builder would overflow before the code under test runs.
import type { DocumentNodeJson } from '../../shared/documentJson';

/** A doc whose innermost paragraph sits `depth` levels down (the doc is level 1), through nested quotes. */
export function bodyNestedTo(depth: number): DocumentNodeJson {
  let node: DocumentNodeJson = { type: 'paragraph' };
  for (let level = 2; level < depth; level += 1) node = { type: 'blockquote', content: [node] };
  return { type: 'doc', content: [node] };
}

/** A doc of `count` nodes: the doc and `count - 1` empty paragraphs. */
export function bodyOfNodes(count: number): DocumentNodeJson {
  return { type: 'doc', content: Array.from({ length: count - 1 }, () => ({ type: 'paragraph' })) };
}

const words = ['Hội', 'nghị', 'sơ', 'kết', 'công', 'tác', 'sáu', 'tháng', 'đầu', 'năm', 'tại', 'Trung', 'tâm', 'báo', 'chí', 'tỉnh'];

/** `count` Vietnamese words, as a reporter's sentence runs. */
function sentence(count: number, offset: number): string {
  return Array.from({ length: count }, (_, index) => words[(offset + index) % words.length]).join(' ');
}

/**
 * A long feature as the editor writes it: 10,000 words in 200 paragraphs with bold and linked runs, a heading
 * every 20 paragraphs, a bulleted list, and 30 captioned photos with alt text and credit.
 */
export function featureLengthBody(): DocumentNodeJson {
  const content: DocumentNodeJson[] = [];
  for (let index = 0; index < 200; index += 1) {
    if (index % 20 === 0)
      content.push({ type: 'heading', attrs: { level: 2, textAlign: null }, content: [{ type: 'text', text: sentence(8, index) }] });
    content.push({
      type: 'paragraph',
      attrs: { textAlign: index % 7 === 0 ? 'justify' : null },
      content: [
        { type: 'text', text: `${sentence(40, index)} ` },
        { type: 'text', text: sentence(5, index + 1), marks: [{ type: 'bold' }] },
        { type: 'text', text: ` ${sentence(5, index + 2)}`, marks: [{ type: 'link', attrs: { href: `https://baotinh.vn/bai-${index}` } }] },
      ],
    });
    if (index % 6 === 3 && content.filter((node) => node.type === 'figure').length < 30) {
      content.push({
        type: 'figure',
        attrs: { mediaId: index.toString(16).padStart(64, '0'), alt: sentence(12, index), credit: 'Văn Đốc' },
        content: [{ type: 'text', text: sentence(25, index + 3) }],
      });
    }
  }
  content.push({
    type: 'bulletList',
    content: Array.from({ length: 10 }, (_, index) => ({
      type: 'listItem',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: sentence(10, index) }] }],
    })),
  });
  return { type: 'doc', content };
}
