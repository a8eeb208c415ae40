import type { Template, TemplateItem, TemplateItemKind } from './schema.js';

const top = (id: string, title: string, kind: TemplateItemKind, aliases: string[], keywords: string[]): TemplateItem => ({
  id,
  title,
  kind,
  parent: null,
  aliases,
  keywords,
});

/**
 * The earlier template, for plans of 2016–2020: 《全民科学素质行动计划纲要(2006—2010—2020年)》
 * (国发〔2006〕7号) as carried out by its 实施方案(2016—2020年) (国办发〔2016〕10号). Four target groups
 * (青少年, 农民, 城镇劳动者, 领导干部和公务员) and six 重大工程; 2020 target 公民具备科学素质的比例 10%以上
 * from 6.20% in 2015. Only the top-level items are given: their sub-items are not part of the data yet,
 * so coverage against this template is section-level only. Ids reuse the 2021 ones where the group or
 * project is the same (`youth`, `farmers`, `workers`, `officials`, `digital`, `infrastructure`).
 *
 * @example
 * import { EARLIER_2016 } from 'gangyao';
 * EARLIER_2016.targets[0]; // { metric: '公民具备科学素质的比例', year: 2020, value: 10, comparator: '>=' }
 */
export const EARLIER_2016: Template = {
  id: 'earlier-2016',
  title: '全民科学素质行动计划纲要实施方案(2016—2020年)',
  period: { start: 2016, end: 2020 },
  basis: ['国发〔2006〕7号', '国办发〔2016〕10号'],
  items: [
    top('youth', '青少年科学素质行动', 'action', ['青少年科学素质提升行动'], ['青少年', '中小学', '学生', '校园', '学校', '科学教育', '教师']),
    top('farmers', '农民科学素质行动', 'action', ['农民科学素质提升行动', '农牧民科学素质行动'], ['农民', '农牧民', '农村', '乡村', '农业', '新型职业农民']),
    top('workers', '城镇劳动者科学素质行动', 'action', ['城镇劳动者科学素质提升行动', '产业工人科学素质行动', '职工科学素质行动'], [
      '城镇劳动者', '职工', '劳动者', '农民工', '进城务工', '职业技能', '产业工人',
    ]),
    top('officials', '领导干部和公务员科学素质行动', 'action', ['领导干部和公务员科学素质提升行动'], ['领导干部', '公务员', '干部', '党校', '行政学院']),
    top('education-training', '科技教育与培训基础工程', 'project', ['科技教育与培训工程'], [
      '科技教育', '培训', '教材', '教学', '师资', '课程', '教育培训',
    ]),
    top('community', '社区科普益民工程', 'project', ['社区科普益民'], ['社区', '益民', '惠民', '居民', '社区科普', '科普活动室', '科普大学']),
    top('digital', '科普信息化工程', 'project', ['科普信息化提升工程'], ['信息化', '互联网', '网络', '媒体', '传播', '科普中国', '数字']),
    top('infrastructure', '科普基础设施工程', 'project', ['科普基础设施建设工程'], ['基础设施', '科技馆', '场馆', '基地', '流动科技馆', '科普大篷车']),
    top('industry', '科普产业助力工程', 'project', ['科普产业发展工程'], ['科普产业', '产业', '市场', '企业', '产品', '科普展品']),
    top('talent', '科普人才建设工程', 'project', ['科普人才队伍建设工程'], ['科普人才', '人才队伍', '志愿者', '专职', '兼职', '科普员']),
    top('org', '组织实施', 'org', ['保障措施', '保障条件'], ['组织领导', '领导小组', '机制', '经费', '监测评估', '表彰']),
  ],
  targets: [{ metric: '公民具备科学素质的比例', year: 2020, value: 10, comparator: '>=' }],
  baseline: { metric: '公民具备科学素质的比例', year: 2015, value: 6.2 },
};
