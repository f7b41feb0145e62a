// The extensions' command augmentations (toggleBold, setLink, toggleTextAlign…) reach the editor's types through these.
import type {} from '@tiptap/starter-kit';
import type {} from '@tiptap/extension-text-align';
import type {} from '../../shared/FigureNode';
