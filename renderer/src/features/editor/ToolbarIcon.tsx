/** Simple stroke icons drawn in a 20×20 box; text-only glyphs (B, I, U, H2) are drawn as text by the toolbar. */
const paths = {
  bulletList: 'M7 5h10M7 10h10M7 15h10M3.5 5h.01M3.5 10h.01M3.5 15h.01',
  orderedList: 'M8 5h9M8 10h9M8 15h9M3 4l1-1v4M3 9.5h2l-2 2.5h2M3 14h2v1.2H4h1V17H3',
  blockquote: 'M4 6h5v5H6l-2 3M11 6h5v5h-3l-2 3',
  link: 'M8.5 11.5a3 3 0 0 0 4.2 0l2.8-2.8a3 3 0 0 0-4.2-4.2l-1 1M11.5 8.5a3 3 0 0 0-4.2 0l-2.8 2.8a3 3 0 0 0 4.2 4.2l1-1',
  horizontalRule: 'M3 10h14',
  hardBreak: 'M16 4v6a2 2 0 0 1-2 2H5m3-3-3 3 3 3',
  alignLeft: 'M3 5h14M3 9h9M3 13h14M3 17h9',
  alignCenter: 'M3 5h14M5.5 9h9M3 13h14M5.5 17h9',
  alignRight: 'M3 5h14M8 9h9M3 13h14M8 17h9',
  alignJustify: 'M3 5h14M3 9h14M3 13h14M3 17h14',
  photo: 'M3 5.5h14v10H3zM3 13l4-4 3 3 2-2 5 5M13 8.5h.01',
  undo: 'M7 7H13a4 4 0 0 1 0 8H8M7 7l3-3M7 7l3 3',
  redo: 'M13 7H7a4 4 0 0 0 0 8h5M13 7l-3-3M13 7l-3 3',
  comment: 'M3.5 4.5h13v9h-7l-3.5 3v-3H3.5zM7 8h6M7 10.5h4',
  table: 'M3 4.5h14v11H3zM3 8h14M3 11.75h14M7.7 4.5v11M12.3 4.5v11',
} as const;

export type ToolbarIconName = keyof typeof paths;

export function ToolbarIcon({ name }: { name: ToolbarIconName }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.7"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
    >
      <path d={paths[name]} />
    </svg>
  );
}
