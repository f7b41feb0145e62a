import { articleFormatVersion, articleSchema, type Article } from '../../../shared/articleModel';

const sampleParagraphs = [
  'Hội chợ năm nay có hơn 200 gian hàng của các doanh nghiệp trong và ngoài tỉnh, giới thiệu nông sản, hàng thủ công mỹ nghệ, ' +
    'đồ gia dụng và sản phẩm OCOP. Nhiều doanh nghiệp dành mức giảm giá từ 10% đến 30% cho khách tham quan trong ba ngày đầu.',
  'Phát biểu khai mạc, đại diện Sở Công Thương cho biết hội chợ là dịp để người tiêu dùng tiếp cận hàng Việt chất lượng, ' +
    'đồng thời giúp doanh nghiệp tìm kiếm đối tác, mở rộng thị trường tiêu thụ trong dịp cuối năm.',
  'Hội chợ mở cửa từ 8 giờ đến 22 giờ hằng ngày, kéo dài đến hết ngày 18/11/2026./.',
];

/**
 * The article "Xem thử mẫu" shows a template on: short, with every part a template orders (date, title, sapo, byline),
 * so the agency sees its masthead, order and stylesheet before saving, whatever article is open.
 */
export function templateSampleArticle(): Article {
  return articleSchema.parse({
    id: 'template-sample-0001',
    formatVersion: articleFormatVersion,
    revision: 1,
    createdAt: '2026-11-12T08:00:00+07:00',
    updatedAt: '2026-11-12T09:30:00+07:00',
    trashedAt: null,
    createdBy: null,
    lastMove: null,
    updatedBy: null,
    status: 'draft',
    publicationDate: '2026-11-12',
    title: 'Khai mạc Hội chợ hàng Việt năm 2026 tại trung tâm tỉnh',
    sapo:
      'Sáng 12/11, Hội chợ hàng Việt năm 2026 đã khai mạc tại Quảng trường trung tâm tỉnh, ' +
      'thu hút đông đảo người dân đến tham quan, mua sắm.',
    body: {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Hơn 200 gian hàng' }] },
        ...sampleParagraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
      ],
    },
    bylineRole: 'news',
    bylineName: 'Minh Anh',
    photoCredit: '',
    photoCreditMode: 'manual',
    coverMediaId: null,
  });
}
