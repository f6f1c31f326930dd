import { render } from 'preact';
import '../../components/theme.css';
import '../sidepanel/style.css';
import '../../components/file/file.css';
import { FileApp } from '../../components/file/FileApp';
import { FileReview } from '../../components/file/file-review';

// file.html: a .docx, .txt or .pdf file, or pasted text, reviewed in the extension without any web page.
const review = new FileReview();
render(<FileApp review={review} />, document.getElementById('app')!);
