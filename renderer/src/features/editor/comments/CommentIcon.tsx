/** A speech bubble drawn like the toolbar's other icons (ToolbarIcon: a 20×20 box, 1.7 stroke). */
export function CommentIcon() {
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
      <path d="M3.5 4.5h13v9h-7l-3.5 3v-3H3.5zM7 8h6M7 10.5h4" />
    </svg>
  );
}
